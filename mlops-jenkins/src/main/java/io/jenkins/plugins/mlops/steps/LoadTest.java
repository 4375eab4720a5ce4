package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlops.Messages;
import io.mlops.contract.deploy.LoadTestSpec;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The load test of {@code mlDeploy}: an optional block in the form. Scripts write it as a map,
 * {@code load: [rps: 500, seconds: 20, p99Ms: 10, maxErrorRate: 0.001]}, which Pipeline binds to this
 * class by its property names; the generated snippet writes it back in that form.
 */
public class LoadTest extends AbstractDescribableImpl<LoadTest> {
    private final int rps;
    private int seconds = LoadTestSpec.DEFAULT_SECONDS;
    private double p99Ms = LoadTestSpec.DEFAULT_P99_MS;
    private double maxErrorRate = LoadTestSpec.DEFAULT_MAX_ERROR_RATE;

    /**
     * Creates the load test.
     *
     * @param rps requests per second, 1 to 100000
     */
    @DataBoundConstructor
    public LoadTest(int rps) {
        super();
        this.rps = rps;
    }

    /** @return requests per second */
    public int getRps() {
        return rps;
    }

    /** @return the duration in seconds */
    public int getSeconds() {
        return seconds;
    }

    /** @param seconds the duration in seconds, 1 to {@value LoadTestSpec#MAX_SECONDS}; default {@value LoadTestSpec#DEFAULT_SECONDS} */
    @DataBoundSetter
    public void setSeconds(int seconds) {
        this.seconds = seconds;
    }

    /** @return the largest acceptable p99 latency in milliseconds */
    public double getP99Ms() {
        return p99Ms;
    }

    /** @param p99Ms the largest acceptable p99 latency in milliseconds, above 0; default 50 */
    @DataBoundSetter
    public void setP99Ms(double p99Ms) {
        this.p99Ms = p99Ms;
    }

    /** @return the largest acceptable share of failed requests */
    public double getMaxErrorRate() {
        return maxErrorRate;
    }

    /** @param maxErrorRate the largest acceptable share of failed requests, 0 to 1; default 0.001 */
    @DataBoundSetter
    public void setMaxErrorRate(double maxErrorRate) {
        this.maxErrorRate = maxErrorRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoadTest t
                && rps == t.rps
                && seconds == t.seconds
                && Double.compare(p99Ms, t.p99Ms) == 0
                && Double.compare(maxErrorRate, t.maxErrorRate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rps, seconds, p99Ms, maxErrorRate);
    }

    @Override
    public String toString() {
        return "rps=" + rps + ", seconds=" + seconds + ", p99Ms=" + p99Ms + ", maxErrorRate=" + maxErrorRate;
    }

    /** The descriptor of the load test block in the form. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends Descriptor<LoadTest> {
        @Override
        public String getDisplayName() {
            return Messages.format("LoadTest.DisplayName");
        }
    }
}
