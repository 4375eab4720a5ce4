package io.mlops.contract.deploy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.text.Printable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The rule for prediction-service URLs that are printed and stored (logs, run metadata, build records): they carry
 * no user info, because {@code http://admin:TOKEN@host} would put a secret into every one of them. A URL with user
 * info is refused, not silently stripped: its owner meant to authenticate and must give the token as a secret.
 */
public final class ServiceUrls {
    private ServiceUrls() {}

    /**
     * Checks a service URL.
     *
     * @param url the URL as given
     * @return the URL
     * @throws MlopsException if it is no absolute http(s) URL with a host, or it carries user info; the message never
     *     repeats the user info
     */
    public static String requireNoUserInfo(final String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException exception) {
            throw new MlopsException(
                    "not a service URL: '" + Printable.shorten(withoutUserInfo(url)) + "': " + exception.getReason());
        }
        if (uri.getRawUserInfo() != null || hasUserInfo(url)) {
            throw new MlopsException("service URL with user info (user:password@) refused: it would be printed and"
                    + " stored; give the admin token as a credential instead (" + withoutUserInfo(url) + ")");
        }
        return url;
    }

    /**
     * Removes the user info from a URL for printing, also from text that is no valid URI.
     *
     * @param url the URL, or {@code null}
     * @return the URL without anything between {@code //} and the last {@code @} of its authority; {@code null} for
     *     {@code null}
     */
    public static String withoutUserInfo(final String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf("//");
        if (start < 0) {
            return url;
        }
        int end = authorityEnd(url, start + 2);
        int at = url.lastIndexOf('@', end - 1);
        return at < start + 2 ? url : url.substring(0, start + 2) + url.substring(at + 1);
    }

    private static boolean hasUserInfo(final String url) {
        return !url.equals(withoutUserInfo(url));
    }

    private static int authorityEnd(final String url, final int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}
