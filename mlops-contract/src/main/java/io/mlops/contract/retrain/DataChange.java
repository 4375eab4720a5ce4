package io.mlops.contract.retrain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.mlops.contract.data.InputFile;
import java.util.List;
import java.util.Objects;

/**
 * How the training data set now differs from the input files a model was trained on: the files added, changed and
 * removed, and how many rows are new. Immutable; made with {@link #builder()}.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"newRows", "appendOnly", "unchangedFiles", "added", "changed", "removed"})
@JsonDeserialize(builder = DataChange.Builder.class)
public final class DataChange {
    private final long newRows;
    private final int unchangedFiles;
    private final List<InputFile> added;
    private final List<InputFile> changed;
    private final List<InputFile> removed;
    private final boolean appendOnly;

    private DataChange(final Builder builder) {
        newRows = builder.newRows;
        unchangedFiles = builder.unchangedFiles;
        added = List.copyOf(builder.added);
        changed = List.copyOf(builder.changed);
        removed = List.copyOf(builder.removed);
        appendOnly = builder.appendOnly;
        if (newRows < 0 || unchangedFiles < 0) {
            throw new IllegalArgumentException(
                    "negative count: newRows " + newRows + ", unchangedFiles " + unchangedFiles);
        }
    }

    /** @return a builder with no change */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares the input files a model was trained on with the files the data set has now. Files are matched by path,
     * and a relative path matches the one absolute path that ends with it (training ran with {@code data/base.csv} in
     * the workspace, the check with {@code /ws/data/base.csv}, or the other way round); a file whose path is new but
     * whose content equals a file that is gone was moved and counts as unchanged.
     *
     * @param before the files as the model recorded them
     * @param now    the files now, in reading order
     * @return the change
     */
    public static DataChange between(final List<InputFile> before, final List<InputFile> now) {
        java.util.Map<String, InputFile> old = new java.util.LinkedHashMap<>();
        before.forEach(file -> old.put(file.file(), file));
        java.util.List<InputFile> added = new java.util.ArrayList<>();
        java.util.List<InputFile> changed = new java.util.ArrayList<>();
        int unchanged = 0;
        long newRows = 0;
        boolean appendOnly = true;
        for (InputFile file : now) {
            InputFile was = old.remove(file.file());
            if (was == null) {
                was = samePlace(old, file);
            }
            if (was == null) {
                added.add(file);
            } else if (was.sha256().equals(file.sha256())) {
                unchanged++;
            } else {
                changed.add(file);
                newRows += Math.max(0, file.rows() - was.rows());
                appendOnly &= file.rows() > was.rows();
            }
        }
        java.util.List<InputFile> removed = new java.util.ArrayList<>(old.values());
        for (java.util.Iterator<InputFile> it = added.iterator(); it.hasNext(); ) {
            InputFile file = it.next();
            java.util.Optional<InputFile> moved = removed.stream()
                    .filter(gone -> gone.sha256().equals(file.sha256()))
                    .findFirst();
            if (moved.isPresent()) {
                removed.remove(moved.get());
                it.remove();
                unchanged++;
            } else {
                newRows += file.rows();
            }
        }
        return builder()
                .added(added)
                .changed(changed)
                .removed(removed)
                .newRows(newRows)
                .unchangedFiles(unchanged)
                .appendOnly(appendOnly && removed.isEmpty())
                .build();
    }

    /**
     * Takes out of {@code old} the recorded file that is the same place as {@code file} written another way: one path
     * relative, the other absolute and ending with it. Only an unambiguous match counts.
     */
    private static InputFile samePlace(final java.util.Map<String, InputFile> old, final InputFile file) {
        java.nio.file.Path path = path(file.file());
        if (path == null) {
            return null;
        }
        String match = null;
        for (String recorded : old.keySet()) {
            java.nio.file.Path other = path(recorded);
            if (other != null
                    && path.isAbsolute() != other.isAbsolute()
                    && (path.isAbsolute() ? path.endsWith(other) : other.endsWith(path))) {
                if (match != null) {
                    return null;
                }
                match = recorded;
            }
        }
        return match == null ? null : old.remove(match);
    }

    private static java.nio.file.Path path(final String file) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(file).normalize();
            boolean usable = path.isAbsolute() || !path.toString().isEmpty() && !path.startsWith("..");
            return usable ? path : null;
        } catch (java.nio.file.InvalidPathException notAPath) {
            return null;
        }
    }

    /** @return a builder with all values of this change */
    public Builder toBuilder() {
        return new Builder()
                .newRows(newRows)
                .unchangedFiles(unchangedFiles)
                .added(added)
                .changed(changed)
                .removed(removed)
                .appendOnly(appendOnly);
    }

    /**
     * Returns the number of new rows: all rows of added files plus the growth of changed files.
     *
     * @return the number, 0 or more
     */
    public long newRows() {
        return newRows;
    }

    /** @return how many input files are as the model recorded them */
    public int unchangedFiles() {
        return unchangedFiles;
    }

    /** @return files the model was not trained on, with their current hash and rows, in reading order */
    public List<InputFile> added() {
        return added;
    }

    /** @return files the model was trained on whose content changed, with their current hash and rows */
    public List<InputFile> changed() {
        return changed;
    }

    /** @return files the model was trained on that are gone, as the model recorded them */
    public List<InputFile> removed() {
        return removed;
    }

    /** @return whether the data set differs at all */
    public boolean differs() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    /**
     * Returns whether every difference is new rows: files added or grown, none removed or changed without growing
     * (edited in place). Only such a change can be a trickle that a minimum of new rows ignores.
     *
     * @return {@code true} if the data only grew
     */
    public boolean appendOnly() {
        return appendOnly;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataChange that
                && newRows == that.newRows
                && unchangedFiles == that.unchangedFiles
                && added.equals(that.added)
                && changed.equals(that.changed)
                && removed.equals(that.removed)
                && appendOnly == that.appendOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(newRows, unchangedFiles, added, changed, removed, appendOnly);
    }

    @Override
    public String toString() {
        return newRows + " new rows; " + added.size() + " added, " + changed.size() + " changed, " + removed.size()
                + " removed, " + unchangedFiles + " unchanged files";
    }

    /** Collects the values of a {@link DataChange}. */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Builder {
        private long newRows;
        private int unchangedFiles;
        private List<InputFile> added = List.of();
        private List<InputFile> changed = List.of();
        private List<InputFile> removed = List.of();
        private boolean appendOnly = true;

        private Builder() {}

        /**
         * @param value whether every difference is new rows (files added or grown)
         * @return this builder
         */
        public Builder appendOnly(final boolean value) {
            appendOnly = value;
            return this;
        }

        /**
         * @param value rows of added files plus the growth of changed files
         * @return this builder
         */
        public Builder newRows(final long value) {
            newRows = value;
            return this;
        }

        /**
         * @param value files as the model recorded them
         * @return this builder
         */
        public Builder unchangedFiles(final int value) {
            unchangedFiles = value;
            return this;
        }

        /**
         * @param value files the model was not trained on
         * @return this builder
         */
        public Builder added(final List<InputFile> value) {
            added = Objects.requireNonNull(value, "added == null");
            return this;
        }

        /**
         * @param value files whose content changed
         * @return this builder
         */
        public Builder changed(final List<InputFile> value) {
            changed = Objects.requireNonNull(value, "changed == null");
            return this;
        }

        /**
         * @param value files that are gone
         * @return this builder
         */
        public Builder removed(final List<InputFile> value) {
            removed = Objects.requireNonNull(value, "removed == null");
            return this;
        }

        /**
         * Makes the change.
         *
         * @return the change
         * @throws IllegalArgumentException for a negative count
         */
        public DataChange build() {
            return new DataChange(this);
        }
    }
}
