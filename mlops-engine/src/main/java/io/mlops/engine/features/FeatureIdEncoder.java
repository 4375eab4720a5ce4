package io.mlops.engine.features;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.util.tokens.Tokenizer;

/**
 * Turns a row straight into the feature ids and values a Tribuo model sees: the ids and values of
 * {@code SparseVector.createSparseVector(preparation.example(label, row), ids, false)}, in ascending id order,
 * features of equal name summed, features the model does not know left out. It builds no feature names, no
 * {@link org.tribuo.Example} and no vector: a category or a text's n-gram is looked up by its value in a table
 * per column (and n-gram length) made once from the model's feature map, and a text is tokenised once for all
 * n-gram lengths. Serving scores linear models with it; {@code FeatureIdEncoderTest} checks it against Tribuo.
 */
public final class FeatureIdEncoder {
    private final FeaturePreparation preparation;
    private final ColumnType[] types;
    /** Per numeric feature column: its id, or -1 if the model does not know it. */
    private final int[] numericIds;
    /** Per categorical feature column: category (as in the feature name) to id. */
    private final Map<String, Integer>[] categoryIds;
    /** Per text feature column and n-gram length - 1: the n-gram (tokens joined by '/') to id. */
    private final Map<String, Integer>[][] ngramIds;

    private final int ngrams;

    private FeatureIdEncoder(
            final FeaturePreparation preparation,
            final ColumnType[] types,
            final int[] numericIds,
            final Map<String, Integer>[] categoryIds,
            final Map<String, Integer>[][] ngramIds) {
        this.preparation = preparation;
        this.types = types;
        this.numericIds = numericIds;
        this.categoryIds = categoryIds;
        this.ngramIds = ngramIds;
        this.ngrams = preparation.getSettings().ngrams();
    }

    /**
     * One thread's buffers: the encoded row and the tokenizer. Not thread-safe; the row's arrays are valid until
     * the next {@link #encode} with the same workspace.
     */
    public static final class Workspace {
        private final Tokenizer tokenizer = FeaturePreparation.tokenizer();
        private final StringBuilder ngram = new StringBuilder();
        private int[] ids = new int[64];
        private double[] values = new double[64];
        private long[] order = new long[64];
        private double[] added = new double[64];
        private int size;

        /** @return the feature ids of the last encoded row, ascending; the first {@link #size()} are valid */
        public int[] ids() {
            return ids;
        }

        /** @return the values of the last encoded row, aligned with {@link #ids()} */
        public double[] values() {
            return values;
        }

        /** @return how many features the last encoded row has */
        public int size() {
            return size;
        }

        private void add(final int id, final double value) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                values = Arrays.copyOf(values, size * 2);
                order = new long[size * 2];
                added = new double[size * 2];
            }
            ids[size] = id;
            values[size] = value;
            size++;
        }

        /** Sorts by id and sums the values of equal ids, the first occurrence first. */
        private void sortAndMerge() {
            for (int i = 0; i < size; i++) {
                // ids are non-negative, and the position keeps equal ids in the order they were added
                order[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(order, 0, size);
            System.arraycopy(values, 0, added, 0, size);
            int merged = 0;
            for (int i = 0; i < size; i++) {
                int id = (int) (order[i] >>> 32);
                double value = added[(int) order[i]];
                if (merged > 0 && ids[merged - 1] == id) {
                    values[merged - 1] += value;
                } else {
                    ids[merged] = id;
                    values[merged] = value;
                    merged++;
                }
            }
            size = merged;
        }
    }

    /**
     * Makes the encoder of a preparation for a model's feature map, where the names cannot mislead it.
     *
     * @param preparation the bundle's feature preparation
     * @param ids         the model's feature map
     * @return the encoder, or {@code null} if a numeric column's name contains {@code =} (it could then share a
     *     name with a category or an n-gram, and Tribuo's order of summing them would matter) or names repeat
     */
    public static FeatureIdEncoder of(final FeaturePreparation preparation, final ImmutableFeatureMap ids) {
        List<ColumnSpec> features = preparation.getSchema().features();
        int count = features.size();
        ColumnType[] types = new ColumnType[count];
        int[] numericIds = new int[count];
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] categoryIds = new Map[count];
        @SuppressWarnings("unchecked")
        Map<String, Integer>[][] ngramIds = new Map[count][];
        Set<String> names = new HashSet<>();
        int ngrams = preparation.getSettings().ngrams();
        for (int f = 0; f < count; f++) {
            ColumnSpec spec = features.get(f);
            if (!names.add(spec.name())) {
                return null;
            }
            types[f] = spec.type();
            numericIds[f] = -1;
            switch (spec.type()) {
                case NUMERIC -> {
                    if (spec.name().indexOf('=') >= 0) {
                        return null;
                    }
                    numericIds[f] = ids.getID(spec.name());
                }
                case CATEGORICAL -> categoryIds[f] = new HashMap<>();
                case TEXT -> {
                    ngramIds[f] = new Map[ngrams];
                    for (int n = 0; n < ngrams; n++) {
                        ngramIds[f][n] = new HashMap<>();
                    }
                }
                default -> throw new IllegalStateException("unknown column type " + spec.type());
            }
        }
        // one pass over the model's features: each goes to every column whose names it could be
        for (VariableInfo info : ids) {
            String name = info.getName();
            int id = ids.getID(name);
            for (int f = 0; f < count; f++) {
                String column = features.get(f).name();
                if (!name.startsWith(column)) {
                    continue;
                }
                if (types[f] == ColumnType.CATEGORICAL && name.startsWith("=", column.length())) {
                    // the name holds the stripped category, and a lookup strips it the same way
                    categoryIds[f].put(name.substring(column.length() + 1), id);
                } else if (types[f] == ColumnType.TEXT && Character.isLetterOrDigit(column.charAt(0))) {
                    // Tribuo keeps an n-gram only if its name starts with a letter or digit
                    for (int n = 1; n <= ngrams; n++) {
                        String prefix = FeaturePreparation.ngramPrefix(column, n);
                        if (name.startsWith(prefix)) {
                            ngramIds[f][n - 1].put(name.substring(prefix.length()), id);
                        }
                    }
                }
            }
        }
        return new FeatureIdEncoder(preparation, types, numericIds, categoryIds, ngramIds);
    }

    /** @return a new workspace, for one thread */
    public Workspace workspace() {
        return new Workspace();
    }

    /**
     * Encodes a row.
     *
     * @param row   the row's values
     * @param space the calling thread's workspace, which receives the ids and values
     * @return whether the row could be encoded as Tribuo would: {@code false} if a value is not a number
     *     (Tribuo refuses it with its own message), so the caller lets Tribuo handle that row
     * @throws io.mlops.contract.MlopsException if a value is missing and the policy says error
     */
    public boolean encode(final FeaturePreparation.Row row, final Workspace space) {
        space.size = 0;
        for (int f = 0; f < types.length; f++) {
            switch (types[f]) {
                case NUMERIC -> {
                    double value = preparation.prepared(f, row);
                    if (Double.isNaN(value)) {
                        return false;
                    }
                    if (numericIds[f] >= 0) {
                        space.add(numericIds[f], value);
                    }
                }
                case CATEGORICAL -> {
                    Integer id = categoryIds[f].get(preparation.category(f, row).strip());
                    if (id != null) {
                        space.add(id, 1.0);
                    }
                }
                case TEXT -> addNgrams(f, preparation.text(f, row), space);
                default -> throw new IllegalStateException("unknown column type " + types[f]);
            }
        }
        space.sortAndMerge();
        return true;
    }

    private void addNgrams(final int feature, final String text, final Workspace space) {
        if (text == null) {
            return;
        }
        List<String> tokens = space.tokenizer.split(text);
        for (int n = 1; n <= ngrams; n++) {
            Map<String, Integer> known = ngramIds[feature][n - 1];
            for (int start = 0; start + n <= tokens.size(); start++) {
                String key;
                if (n == 1) {
                    key = tokens.get(start);
                } else {
                    StringBuilder ngram = space.ngram;
                    ngram.setLength(0);
                    for (int i = start; i < start + n; i++) {
                        if (i > start) {
                            ngram.append(FeaturePreparation.NGRAM_SEPARATOR);
                        }
                        ngram.append(tokens.get(i));
                    }
                    key = ngram.toString();
                }
                Integer id = known.get(key);
                if (id != null) {
                    space.add(id, 1.0);
                }
            }
        }
    }
}
