package io.mlops.serving;

/**
 * Checks that bytes are strictly valid UTF-8 as RFC 3629 defines it: each character in its shortest form,
 * no UTF-16 surrogates (U+D800 to U+DFFF), nothing above U+10FFFF, no character cut off.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * Tells whether a range of bytes is strictly valid UTF-8.
     *
     * @param bytes the bytes
     * @param from  the first byte
     * @param to    the end (exclusive)
     * @return whether every character in the range is well-formed
     */
    static boolean isValid(final byte[] bytes, final int from, final int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            // the allowed range of the second byte depends on the first (RFC 3629, table 3-7 of Unicode)
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + length > to) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
