package io.jenkins.plugins.mlops.records;

import hudson.model.Action;
import io.jenkins.plugins.mlops.Messages;
import io.mlops.contract.text.Printable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Shows one registry operation of a build: a model version it registered ({@code mlRegister}) or an
 * alias it moved ({@code mlPromote}). The few fields are kept in {@code build.xml}.
 */
@ExportedBean
public class ModelVersionAction implements Action {
    private final String functionName;
    private final String name;
    private final int version;
    private final String alias;
    private final Integer previousVersion;
    private final String modelSha256;
    private final String by;
    private final String at;
    private final String reason;
    private final String registry;

    private ModelVersionAction(
            String functionName,
            String name,
            int version,
            String alias,
            Integer previousVersion,
            String modelSha256,
            String by,
            String at,
            String reason,
            String registry) {
        this.functionName = functionName;
        this.name = name;
        this.version = version;
        this.alias = alias;
        this.previousVersion = previousVersion;
        this.modelSha256 = modelSha256;
        this.by = by;
        this.at = at;
        this.reason = reason;
        this.registry = registry;
    }

    /**
     * A version registered by {@code mlRegister}.
     *
     * @param name the model name
     * @param version the new version
     * @param alias the alias pointed at it, or {@code null}
     * @param modelSha256 the SHA-256 of the model file
     * @param by who registered it
     * @param at when (ISO-8601)
     * @param registry the registry folder, or {@code null} for the command's default
     * @return the action
     */
    public static ModelVersionAction registered(
            String name, int version, String alias, String modelSha256, String by, String at, String registry) {
        return new ModelVersionAction("mlRegister", name, version, alias, null, modelSha256, by, at, null, registry);
    }

    /**
     * An alias moved by {@code mlPromote}.
     *
     * @param name the model name
     * @param version the version the alias points to now
     * @param alias the alias
     * @param previousVersion the version it pointed to before, or {@code null}
     * @param by who moved it
     * @param at when (ISO-8601)
     * @param reason why
     * @param registry the registry folder, or {@code null} for the command's default
     * @return the action
     */
    public static ModelVersionAction promoted(
            String name,
            int version,
            String alias,
            Integer previousVersion,
            String by,
            String at,
            String reason,
            String registry) {
        return new ModelVersionAction(
                "mlPromote", name, version, alias, previousVersion, null, by, at, reason, registry);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.format("ModelVersionAction.DisplayName", getReference());
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** @return {@code mlRegister} or {@code mlPromote} */
    @Exported
    public String getFunctionName() {
        return functionName;
    }

    /** @return the model name */
    @Exported
    public String getName() {
        return name;
    }

    /** @return the version */
    @Exported
    public int getVersion() {
        return version;
    }

    /** @return {@code name@version} */
    @Exported
    public String getReference() {
        return name + "@" + version;
    }

    /** @return the alias set, or {@code null} */
    @Exported(skipNull = true)
    public String getAlias() {
        return alias;
    }

    /** @return the version the alias pointed to before a promotion, or {@code null} */
    @Exported(skipNull = true)
    public Integer getPreviousVersion() {
        return previousVersion;
    }

    /** @return the SHA-256 of the registered model file, or {@code null} */
    @Exported(skipNull = true)
    public String getModelSha256() {
        return modelSha256;
    }

    /** @return who registered or promoted, control characters escaped */
    @Exported(skipNull = true)
    public String getBy() {
        return by == null ? null : Printable.escape(by);
    }

    /** @return when (ISO-8601) */
    @Exported(skipNull = true)
    public String getAt() {
        return at;
    }

    /** @return the reason of a promotion, control characters escaped (one line, as the audit log prints it), or {@code null} */
    @Exported(skipNull = true)
    public String getReason() {
        return reason == null ? null : Printable.escape(reason);
    }

    /** @return the registry folder, or {@code null} for the command's default */
    @Exported(skipNull = true)
    public String getRegistry() {
        return registry;
    }

    /** @return whether this is a promotion */
    public boolean isPromotion() {
        return "mlPromote".equals(functionName);
    }

    /**
     * Returns the line for the build description: plain text, HTML-escaped.
     *
     * @return e.g. {@code receipts@3 (challenger)} or {@code receipts@3 promoted to champion}
     */
    public String describe() {
        String text = isPromotion()
                ? Messages.format("ModelVersionAction.Promoted", getReference(), alias)
                : alias == null
                        ? getReference()
                        : Messages.format("ModelVersionAction.Registered", getReference(), alias);
        return escape(Printable.escape(text));
    }

    /**
     * Escapes the HTML special characters, so a description shows as text under any markup formatter.
     *
     * @param text the text
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
