// Compile-only stand-in: declarations mirror stapler 1903.1905.ve5a_f469356f0 (org.kohsuke.stapler:stapler). Not
// packaged.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {}
