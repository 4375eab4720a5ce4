// Compile-only stand-in: declarations mirror echarts-api 6.0.0-1146.v5c8f3b_8f0573 (io.jenkins.plugins:echarts-api).
// Not packaged.
package io.jenkins.plugins.echarts;

import org.kohsuke.stapler.bind.JavaScriptMethod;

public interface AsyncConfigurableTrendChart {
    @JavaScriptMethod
    String getConfigurableBuildTrendModel(String configuration);

    boolean isTrendVisible();
}
