package io.mlops.contract.features;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How columns become features.
 *
 * @param ngrams             the longest word n-gram taken from text columns (1 to 3)
 * @param lowercase          whether text is lower-cased before tokenising
 * @param standardize        whether numeric features are standardised to mean 0 and standard deviation 1;
 *                           {@code null} means: for linear models only
 * @param missingNumeric     what a missing number becomes
 * @param missingCategorical what a missing category becomes
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FeatureSettings(
        int ngrams,
        boolean lowercase,
        Boolean standardize,
        MissingNumeric missingNumeric,
        MissingCategorical missingCategorical) {
    /** The settings used when a spec says nothing. */
    public static final FeatureSettings DEFAULTS =
            new FeatureSettings(2, true, null, MissingNumeric.MEAN, MissingCategorical.CATEGORY);

    /**
     * Creates settings.
     */
    public FeatureSettings {
        if (ngrams < 1 || ngrams > 3) {
            throw new IllegalArgumentException("ngrams must be 1, 2 or 3, got " + ngrams);
        }
        if (missingNumeric == null) {
            missingNumeric = MissingNumeric.MEAN;
        }
        if (missingCategorical == null) {
            missingCategorical = MissingCategorical.CATEGORY;
        }
    }

    /** Policy for missing numeric values. */
    public enum MissingNumeric {
        /** Replace by the training mean. */
        MEAN,
        /** Replace by zero. */
        ZERO,
        /** Reject the row with an error. */
        ERROR
    }

    /** Policy for missing categorical values. */
    public enum MissingCategorical {
        /** Treat "missing" as a category of its own. */
        CATEGORY,
        /** Reject the row with an error. */
        ERROR
    }
}
