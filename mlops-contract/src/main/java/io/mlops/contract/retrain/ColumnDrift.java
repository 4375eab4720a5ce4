package io.mlops.contract.retrain;

/**
 * How one column differs between the data fingerprints of two runs, A (the reference) and B: whether it is in both
 * with the same type, and its drift as {@link DataDrift} defines it.
 *
 * @param column the column name
 * @param change whether the column is in both, only in B, only in A, or in both with another type
 * @param typeA  its type in A ({@code NUMERIC}, {@code CATEGORICAL}, {@code TEXT} or {@code LABEL}), {@code null} if
 *               only in B
 * @param typeB  its type in B, {@code null} if only in A
 * @param psi    the population stability index of B against A; {@code null} if not measured (a column in one run
 *               only, retyped, a text column, no histogram or no values)
 */
public record ColumnDrift(String column, Change change, String typeA, String typeB, Double psi) {
    /** Whether a column is in both fingerprints, and with which type. */
    public enum Change {
        /** In both, with the same type. */
        KEPT,
        /** Only in B. */
        ADDED,
        /** Only in A. */
        REMOVED,
        /** In both, with different types. */
        RETYPED
    }

    /** @return whether the drift was measured and is above {@link Psi#USUAL_THRESHOLD} */
    public boolean drifted() {
        return psi != null && psi > Psi.USUAL_THRESHOLD;
    }
}
