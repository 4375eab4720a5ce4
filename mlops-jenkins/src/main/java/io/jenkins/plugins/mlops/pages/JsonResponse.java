package io.jenkins.plugins.mlops.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON document as the answer of a chart endpoint: UTF-8, and never sniffed as anything else by the browser. */
public final class JsonResponse {
    private JsonResponse() {}

    /**
     * Answers with a JSON document.
     *
     * @param status the HTTP status
     * @param body the JSON text
     * @return the response
     */
    public static HttpResponse of(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
                rsp.setStatus(status);
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.setHeader("X-Content-Type-Options", "nosniff");
                rsp.getOutputStream().write(bytes);
            }
        };
    }
}
