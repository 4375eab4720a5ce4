package io.jenkins.plugins.mlops.execution;

import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.registry.ModelRef;

/** Turns the model path the engine recorded into a bundle folder relative to the workspace. */
final class ModelPaths {
    private ModelPaths() {}

    /**
     * Returns the bundle folder of a model path, relative to the workspace.
     *
     * @param modelPath the model path from the metadata (bundle folder or its model.tribuo; relative or absolute)
     * @param workspace the absolute workspace path on the agent
     * @return the relative bundle folder, or {@code null} if the model is outside the workspace
     */
    static String bundleDir(String modelPath, String workspace) {
        if (modelPath == null || modelPath.isBlank()) {
            return null;
        }
        String path = modelPath.replace('\\', '/');
        String ws = workspace == null ? "" : workspace.replace('\\', '/');
        if (path.equals(BundleLayout.MODEL_FILE) || path.endsWith("/" + BundleLayout.MODEL_FILE)) {
            int slash = path.lastIndexOf('/');
            path = slash < 0 ? "." : path.substring(0, slash);
        }
        if (!ws.isEmpty() && (path.equals(ws) || path.startsWith(ws + "/"))) {
            path = path.equals(ws) ? "." : path.substring(ws.length() + 1);
        } else if (path.startsWith("/") || path.matches("^[A-Za-z]:/.*")) {
            return null;
        }
        if (path.equals("..") || path.startsWith("../") || path.contains("/../")) {
            return null;
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Tells whether a model argument names a registered version ({@code NAME@VERSION} or {@code NAME@ALIAS}, the
     * contract's {@link ModelRef}) rather than a bundle in the workspace.
     *
     * @param value the argument, or {@code null}
     * @return whether it is a valid registry reference with an {@code @}
     */
    static boolean isRegistryReference(String value) {
        if (value == null || value.indexOf('@') < 0) {
            return false;
        }
        try {
            ModelRef.parse(value);
            return true;
        } catch (MlopsException e) {
            return false;
        }
    }
}
