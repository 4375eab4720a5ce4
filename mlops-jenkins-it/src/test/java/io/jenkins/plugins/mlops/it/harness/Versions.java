package io.jenkins.plugins.mlops.it.harness;

/**
 * Orders plugin versions as far as {@code Plugin-Dependencies} checks need: dot, dash and underscore separated
 * parts, numbers by value, other parts as text, compared from the left ({@code 710.v3e456cc85233} is newer than
 * {@code 678.v3ee58b_469476}).
 */
final class Versions {
    private Versions() {}

    static int compare(String a, String b) {
        String[] left = a.split("[.\\-_]");
        String[] right = b.split("[.\\-_]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = part(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int part(String a, String b) {
        boolean numbers = a.matches("\\d+") && b.matches("\\d+");
        return numbers ? new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)) : a.compareTo(b);
    }
}
