package io.jenkins.plugins.mlops.triggers.poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP client of every poll: certificates are verified by the JVM's trust store (the default
 * {@link javax.net.ssl.SSLContext}; nothing here trusts all certificates), redirects are followed only
 * from HTTP to HTTP and HTTPS to HTTPS, and the credential travels as a header, never in the URL.
 */
public final class HttpSource {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient DEFAULT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final HttpClient client;

    /** @return a source with the default client, shared by all polls (one connection pool) */
    public static HttpSource standard() {
        return new HttpSource(DEFAULT);
    }

    /**
     * Creates a source on a given client; tests pass one with their own trust store.
     *
     * @param client the client
     */
    public HttpSource(final HttpClient client) {
        this.client = client;
    }

    /**
     * Checks that a string is an HTTP or HTTPS URL.
     *
     * @param field the trigger's field, for the message
     * @param url   the URL
     * @return the URI
     * @throws IllegalArgumentException naming the field and the value if it is not one
     */
    public static URI uri(final String field, final String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException notAUri) {
            throw new IllegalArgumentException(field + " '" + url + "' is not a URL: " + notAUri.getMessage(), notAUri);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " '" + url + "' is not an http:// or https:// URL");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(
                    field + " '" + url + "' carries a user name or password: give them as credentialsId instead");
        }
        return uri;
    }

    /**
     * Sends a request and returns the response without its body, or with it as a string.
     *
     * @param method        {@code HEAD} or {@code GET}
     * @param uri           the URL
     * @param authorization the {@code Authorization} header value, or {@code null}
     * @param withBody      whether to read the body
     * @return the response
     * @throws PollException naming the URL if it cannot be reached (including a certificate not trusted)
     */
    HttpResponse<String> send(final String method, final URI uri, final String authorization, final boolean withBody)
            throws PollException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(
                    request.build(),
                    withBody
                            ? HttpResponse.BodyHandlers.ofString()
                            : HttpResponse.BodyHandlers.replacing((String) null));
        } catch (IOException exception) {
            throw new PollException(method + " " + uri + " failed: " + describe(exception), exception);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PollException(method + " " + uri + " was interrupted", interrupted);
        }
    }

    private static String describe(final IOException exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof javax.net.ssl.SSLException
                || root instanceof java.security.cert.CertificateException
                || root.getClass().getName().contains("CertPath")) {
            return "the server's TLS certificate is not trusted by this Java runtime (" + message + ")";
        }
        return message;
    }
}
