package io.mlops.contract.data;

/** How a feature column is turned into model features. */
public enum ColumnType {
    /** A number; standardised for linear models. */
    NUMERIC,
    /** One of a set of values; one-hot encoded. */
    CATEGORICAL,
    /** Free text; tokenised into word n-grams. */
    TEXT
}
