package io.jenkins.plugins.mlops.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP(S) probe against real servers on 127.0.0.1, including TLS with a self-signed certificate. */
class UrlProbeTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String etag = "\"v1\"";
    private volatile int status = 200;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws java.io.IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "none" : authorization);
        if (exchange.getRequestMethod().equals("HEAD") && etag.equals("no HEAD")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private URI startHttp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/receipts.csv", this::serve);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/receipts.csv");
    }

    @Test
    void shouldRememberETagAndLastModifiedAndSeeAChange() throws Exception {
        URI uri = startHttp();
        UrlProbe probe = new UrlProbe(HttpSource.standard());
        Map<String, String> first = probe.probe(uri, null);
        PollState saved = new PollState(uri.toString(), first);

        assertThat(first).containsEntry(uri.toString(), "etag=\"v1\" last-modified=Tue, 01 Dec 2026 10:00:00 GMT");
        assertThat(DataPoll.compare(saved, uri.toString(), probe.probe(uri, null))
                        .outcome())
                .isEqualTo(PollOutcome.NO_CHANGE);

        etag = "\"v2\"";
        PollResult changed = DataPoll.compare(saved, uri.toString(), probe.probe(uri, null));
        assertThat(changed.outcome()).isEqualTo(PollOutcome.CHANGED);
        assertThat(changed.message()).isEqualTo("1 changed (" + uri + ") in " + uri);
    }

    @Test
    void shouldSendTheCredentialAsAnAuthorizationHeaderOnly() throws Exception {
        URI uri = startHttp();

        new UrlProbe(HttpSource.standard()).probe(uri, "Bearer s3cret-token");

        assertThat(authorizations).containsExactly("Bearer s3cret-token");
    }

    @Test
    void shouldNameTheUrlAndStatusButNeverTheSecretWhenRefused() throws Exception {
        URI uri = startHttp();
        status = 401;

        assertThatThrownBy(() -> new UrlProbe(HttpSource.standard()).probe(uri, "Bearer s3cret-token"))
                .isInstanceOf(PollException.class)
                .hasMessage("HEAD " + uri + " answered HTTP 401 (check the credentials of credentialsId)")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldFallBackToGetWhenTheServerRefusesHead() throws Exception {
        URI uri = startHttp();
        etag = "no HEAD";

        assertThat(new UrlProbe(HttpSource.standard()).probe(uri, null).get(uri.toString()))
                .startsWith("etag=no HEAD");
    }

    @Test
    void shouldRejectUrlsThatAreNotHttpOrCarryAPassword() {
        assertThatThrownBy(() -> HttpSource.uri("url", "file:///etc/passwd"))
                .hasMessage("url 'file:///etc/passwd' is not an http:// or https:// URL");
        assertThatThrownBy(() -> HttpSource.uri("url", "https://user:pw@example.com/x"))
                .hasMessage("url 'https://user:pw@example.com/x' carries a user name or password:"
                        + " give them as credentialsId instead");
    }

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSigned() throws Exception {
        Path store = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private URI startHttps(KeyStore keys) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        https.createContext("/receipts.csv", this::serve);
        https.start();
        server = https;
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/receipts.csv");
    }

    @Test
    void shouldRefuseAServerWhoseCertificateTheJvmDoesNotTrust() throws Exception {
        URI uri = startHttps(selfSigned());

        assertThatThrownBy(() -> new UrlProbe(HttpSource.standard()).probe(uri, "Bearer s3cret-token"))
                .isInstanceOf(PollException.class)
                .hasMessageStartingWith("HEAD " + uri + " failed: the server's TLS certificate is not trusted")
                .hasMessageNotContaining("s3cret");
        assertThat(authorizations).as("nothing reached the server").isEmpty();
    }

    @Test
    void shouldAcceptTheSameServerOnceItsCertificateIsTrusted() throws Exception {
        KeyStore keys = selfSigned();
        URI uri = startHttps(keys);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).build();

        assertThat(new UrlProbe(new HttpSource(client)).probe(uri, null)).containsKey(uri.toString());
    }
}
