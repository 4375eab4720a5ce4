package io.jenkins.plugins.mlops.triggers.poll;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Looks at a file served over HTTP(S) without downloading it: a {@code HEAD} request (a {@code GET}
 * whose body is discarded if the server refuses {@code HEAD}), remembering ETag, Last-Modified and size.
 */
public final class UrlProbe {
    private final HttpSource http;

    /**
     * Creates the probe.
     *
     * @param http the HTTP client
     */
    public UrlProbe(final HttpSource http) {
        this.http = http;
    }

    /**
     * Looks at the URL once.
     *
     * @param uri           the URL
     * @param authorization the {@code Authorization} header value, or {@code null}
     * @return one entry: the URL to its validators, e.g. {@code etag="abc" last-modified=... size=12}
     * @throws PollException if the URL cannot be reached, answers other than 2xx, or sends no validator
     */
    public TreeMap<String, String> probe(final URI uri, final String authorization) throws PollException {
        HttpResponse<String> response = http.send("HEAD", uri, authorization, false);
        if (response.statusCode() == 405 || response.statusCode() == 501) {
            response = http.send("GET", uri, authorization, false);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PollException(response.request().method() + " " + uri + " answered HTTP " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                            ? " (check the credentials of credentialsId)"
                            : ""));
        }
        List<String> validators = new ArrayList<>();
        response.headers().firstValue("ETag").ifPresent(etag -> validators.add("etag=" + etag));
        response.headers().firstValue("Last-Modified").ifPresent(time -> validators.add("last-modified=" + time));
        response.headers().firstValue("Content-Length").ifPresent(size -> validators.add("size=" + size));
        if (validators.isEmpty()) {
            throw new PollException(uri + " sends no ETag, Last-Modified or Content-Length: a change cannot be seen");
        }
        TreeMap<String, String> entry = new TreeMap<>();
        entry.put(uri.toString(), String.join(" ", validators));
        return entry;
    }
}
