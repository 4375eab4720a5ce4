package io.mlops.engine.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the model card of a version: a Markdown page a person can read, generated once at registration
 * (it never changes, like the version; aliases are shown by {@code mlops models show}, not here).
 */
public final class ModelCard {
    private ModelCard() {}

    /**
     * Generates the card.
     *
     * @param version  the version
     * @param labels   the classes the model predicts
     * @param features the feature columns as {@code name: type}
     * @return the Markdown text
     */
    public static String markdown(final ModelVersion version, final List<String> labels, final List<String> features) {
        StringBuilder md = new StringBuilder();
        RunSummary run = version.run();
        md.append("# Model card: ")
                .append(version.name())
                .append(" version ")
                .append(version.version())
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Model", "`" + version.name() + "@" + version.version() + "`");
        row(md, "Algorithm", version.model().algorithm());
        row(md, "Predicts", labels.isEmpty() ? "-" : String.join(", ", labels));
        row(md, "Registered", version.registeredAt() + " by " + version.registeredBy());
        BuildInfo build = version.build();
        if (build != null) {
            row(
                    md,
                    "Build",
                    build.job()
                            + (build.number() == null ? "" : " #" + build.number())
                            + (build.url() == null ? "" : " (" + build.url() + ")"));
        }
        row(
                md,
                "Model file",
                "SHA-256 `" + version.model().sha256() + "`, " + version.model().size() + " bytes");
        if (version.model().fingerprint() != null) {
            row(md, "Model fingerprint", "`" + version.model().fingerprint() + "`");
        }
        if (run.code() != null) {
            row(
                    md,
                    "Code",
                    "commit `" + run.code().commit() + "`"
                            + (run.code().branch() == null
                                    ? ""
                                    : " on " + run.code().branch())
                            + (run.code().dirty() ? " with uncommitted changes" : ""));
        }
        if (run.seed() != null) {
            row(md, "Seed", run.seed().toString());
        }
        md.append("\n## Training data\n\n| role | file | rows | SHA-256 |\n|---|---|---|---|\n");
        run.data().forEach((role, data) -> md.append("| ")
                .append(role)
                .append(" | ")
                .append(data.file())
                .append(" | ")
                .append(data.rows())
                .append(" | `")
                .append(data.sha256())
                .append("` |\n"));
        DataGitInfo git = version.dataGit();
        if (git != null) {
            md.append("\nIn Git: `")
                    .append(git.path())
                    .append("` at commit `")
                    .append(git.commit())
                    .append("`, folder tree `")
                    .append(git.treeId())
                    .append("`")
                    .append(
                            git.tracked()
                                    ? git.unchanged()
                                            ? " (tracked, unchanged)"
                                            : " (tracked, but changed in the work tree)"
                                    : " (not tracked)")
                    .append(".\n");
        }
        if (!features.isEmpty()) {
            md.append("\nFeatures: ").append(String.join(", ", features)).append(".\n");
        }
        md.append("\n## Parameters\n\n| parameter | value |\n|---|---|\n");
        run.parameters().forEach((name, value) -> row(md, name, String.valueOf(value)));
        md.append("\n## Metrics\n\nOn the test data of the training run.\n\n| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
            row(md, metric.getKey(), String.format(Locale.ROOT, "%.4f", metric.getValue()));
        }
        md.append("\n## Use\n\n```\nmlops models show ")
                .append(version.name())
                .append('@')
                .append(version.version())
                .append("\nmlops models lineage ")
                .append(version.name())
                .append('@')
                .append(version.version())
                .append("\n```\n\nThis card was generated when the version was registered. The model file is verified ")
                .append("against its SHA-256 whenever it is read.\n");
        return md.toString();
    }

    private static void row(final StringBuilder md, final String key, final String value) {
        md.append("| ")
                .append(key)
                .append(" | ")
                .append(value == null ? "-" : value.replace("|", "\\|"))
                .append(" |\n");
    }
}
