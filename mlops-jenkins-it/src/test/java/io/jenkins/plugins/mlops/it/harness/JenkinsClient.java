package io.jenkins.plugins.mlops.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Talks to one Jenkins over HTTP the way a browser or {@code curl} does: JSON from {@code /api/json}, pages, and
 * POSTs with a CSRF crumb bound to the session cookie.
 */
public final class JenkinsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** How the script console answers a script that threw: the exception, then its stack frames. */
    private static final java.util.regex.Pattern SCRIPT_FAILURE =
            java.util.regex.Pattern.compile("(?m)^[\\w.$]+(Exception|Error)\\b.*\\R\\s+at [\\w.$<>]+\\(");

    private final URI root;
    private final HttpClient http;

    /** @param root the Jenkins URL, ending with {@code /} */
    public JenkinsClient(URI root) {
        this.root = root;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the Jenkins URL, ending with {@code /} */
    public URI root() {
        return root;
    }

    /**
     * GETs a page.
     *
     * @param path the path below the root, without the leading {@code /}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /**
     * GETs a page that must answer 200.
     *
     * @param path the path below the root
     * @return the body
     */
    public String getText(String path) {
        return ok(get(path), "GET " + path).body();
    }

    /**
     * GETs {@code path/api/json} (plus a query) and parses it.
     *
     * @param path  the object's path below the root, empty for Jenkins itself
     * @param query the query without {@code ?}, or empty
     * @return the JSON
     */
    public JsonNode json(String path, String query) {
        String url = path + (path.isEmpty() || path.endsWith("/") ? "" : "/") + "api/json"
                + (query.isEmpty() ? "" : "?" + query);
        try {
            return JSON.readTree(getText(url));
        } catch (IOException exception) {
            throw new IllegalStateException("GET " + url + " answered no JSON", exception);
        }
    }

    /**
     * POSTs a form with a fresh crumb.
     *
     * @param path the path below the root
     * @param form the form fields
     * @return the response (not checked)
     */
    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return post(path, "application/x-www-form-urlencoded", body.toString());
    }

    /**
     * POSTs a body with a fresh crumb.
     *
     * @param path        the path below the root (may carry a query)
     * @param contentType the body's content type
     * @param body        the body
     * @return the response (not checked)
     */
    public HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        crumb().ifPresent(crumb -> request.header(crumb[0], crumb[1]));
        return send(request);
    }

    /**
     * Runs a Groovy script in the script console ({@code /scriptText}); the script runs on the controller.
     *
     * @param script the script
     * @return what it printed
     */
    public String script(String script) {
        String output = ok(postForm("scriptText", Map.of("script", script)), "the script console")
                .body();
        if (SCRIPT_FAILURE.matcher(output).find()) {
            throw new AssertionError("the script console failed:\n" + abbreviate(output) + "\nscript:\n" + script);
        }
        return output;
    }

    /**
     * Creates a job from its {@code config.xml} ({@code POST /createItem}).
     *
     * @param name      the job name
     * @param configXml the job's configuration
     */
    public void createJob(String name, String configXml) {
        ok(post("createItem?name=" + encode(name), "application/xml", configXml), "create job " + name);
    }

    /**
     * Starts a build and waits until it leaves the queue.
     *
     * @param job        the job name
     * @param parameters build parameters, empty for none
     * @return the build number
     */
    public int build(String job, Map<String, String> parameters) {
        String path = "job/" + encode(job) + (parameters.isEmpty() ? "/build" : "/buildWithParameters");
        HttpResponse<String> response = postForm(path, parameters);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("POST " + path + " answered no queue item location"));
        String item = root.relativize(URI.create(location)).toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode queued = json(item, "");
            JsonNode executable = queued.path("executable");
            if (executable.has("number")) {
                return executable.get("number").asInt();
            }
            if (queued.path("cancelled").asBoolean(false)) {
                throw new AssertionError("build of " + job + " was cancelled in the queue");
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError("build of " + job + " still queued after 3 minutes: "
                + json(item, "").path("why"));
    }

    /**
     * Waits until a build has finished.
     *
     * @param job     the job name
     * @param number  the build number
     * @param timeout how long to wait
     * @return the build's JSON (depth 1)
     */
    public JsonNode awaitBuild(String job, int number, Duration timeout) {
        String path = buildPath(job, number);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode build = json(path, "depth=1");
            if (!build.path("building").asBoolean(true) && !build.path("result").isNull()) {
                return build;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new AssertionError(
                "build " + path + " still running after " + timeout + "; console so far:\n" + console(job, number));
    }

    /**
     * Waits until a build's console shows a text.
     *
     * @param job     the job name
     * @param number  the build number
     * @param text    the text to wait for
     * @param timeout how long to wait
     */
    public void awaitConsole(String job, int number, String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> console = get(buildPath(job, number) + "/consoleText");
            if (console.statusCode() == 200 && console.body().contains(text)) {
                return;
            }
            if (!json(buildPath(job, number), "tree=building").path("building").asBoolean(true)) {
                throw new AssertionError("build " + job + " #" + number + " ended without showing '" + text + "':\n"
                        + console(job, number));
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError(
                "console of " + job + " #" + number + " never showed '" + text + "':\n" + console(job, number));
    }

    /**
     * @param job    the job name
     * @param number the build number
     * @return the build's console text
     */
    public String console(String job, int number) {
        return getText(buildPath(job, number) + "/consoleText");
    }

    /**
     * @param job    the job name
     * @param number the build number
     * @return the path of the build below the root
     */
    public static String buildPath(String job, int number) {
        return "job/" + encode(job) + "/" + number;
    }

    /** @return whether Jenkins answers {@code /api/json} with 200 (it answers 503 while it starts) */
    public boolean ready() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(resolve("api/json"))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException exception) {
            return false;
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    /**
     * Downloads a file.
     *
     * @param path   the path below the root
     * @param target the file to write
     */
    public void download(String path, Path target) {
        try {
            HttpResponse<Path> response = http.send(
                    HttpRequest.newBuilder(resolve(path))
                            .timeout(REQUEST_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
        } catch (IOException exception) {
            throw new AssertionError("GET " + path + " failed: " + exception, exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    /**
     * @param value a path segment or form value
     * @return it URL-encoded
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<String[]> crumb() {
        HttpResponse<String> response = get("crumbIssuer/api/json");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            JsonNode crumb = JSON.readTree(ok(response, "the crumb issuer").body());
            return Optional.of(new String[] {
                crumb.get("crumbRequestField").asText(), crumb.get("crumb").asText()
            });
        } catch (IOException exception) {
            throw new IllegalStateException("the crumb issuer answered no JSON", exception);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException exception) {
            throw new AssertionError(
                    request.build().method() + " " + request.build().uri() + " failed: " + exception, exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new AssertionError(what + " (" + response.request().method() + " " + response.uri()
                    + ") answered HTTP " + response.statusCode() + ":\n" + abbreviate(response.body()));
        }
        return response;
    }

    private static String abbreviate(String body) {
        return body.length() > 4000 ? body.substring(0, 4000) + "\n[...]" : body;
    }

    private URI resolve(String path) {
        return root.resolve(path);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }
}
