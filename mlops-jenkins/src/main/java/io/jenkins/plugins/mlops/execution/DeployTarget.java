package io.jenkins.plugins.mlops.execution;

import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.ServiceUrls;
import io.mlops.contract.text.Printable;
import java.io.Serializable;
import java.util.Locale;

/**
 * Where {@code mlDeploy} deploys: a running mlops service ({@code http://host:port}, hot swap) or a
 * deployment folder ({@code dir:/srv/receipts}, releases plus an atomic {@code current} link).
 *
 * @param service {@code true} for a service, {@code false} for a folder
 * @param location the service URL or the folder (absolute, or relative to the workspace)
 */
public record DeployTarget(boolean service, String location) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The prefix of a folder target. */
    public static final String DIR_PREFIX = "dir:";

    /**
     * Parses a target.
     *
     * @param text {@code http://...}, {@code https://...} or {@code dir:PATH}
     * @return the target
     * @throws IllegalArgumentException with the message for the user
     */
    public static DeployTarget parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (text.length() <= (lower.startsWith("http://") ? 7 : 8)) {
                throw new IllegalArgumentException("'target' has no host: '" + Printable.shorten(text) + "'");
            }
            try {
                // never printed or stored with a secret in it (logs, run metadata, build records)
                ServiceUrls.requireNoUserInfo(text);
            } catch (MlopsException e) {
                throw new IllegalArgumentException("'target': " + Printable.escape(e.getMessage()), e);
            }
            return new DeployTarget(true, text);
        }
        if (text.startsWith(DIR_PREFIX) && text.length() > DIR_PREFIX.length()) {
            return new DeployTarget(false, text.substring(DIR_PREFIX.length()));
        }
        throw new IllegalArgumentException(
                "'target' must be a service URL (http://host:port) or a folder (dir:/path), got '"
                        + Printable.shorten(ServiceUrls.withoutUserInfo(text)) + "'");
    }

    /** @return the command-line option, {@code --service} or {@code --dir} */
    public String option() {
        return service ? "--service" : "--dir";
    }

    @Override
    public String toString() {
        return service ? location : DIR_PREFIX + location;
    }
}
