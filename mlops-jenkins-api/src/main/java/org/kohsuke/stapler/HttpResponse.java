// Compile-only stand-in: declarations mirror stapler 1903.1905.ve5a_f469356f0 (org.kohsuke.stapler:stapler). Not
// packaged.
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
