package io.mlops.engine.features;

import java.util.Arrays;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * An {@link ArrayExample} built from feature names that are already distinct and in Tribuo's sorted order,
 * as {@link FeaturePreparation} produces them for all-numeric schemas. It holds exactly what
 * {@code new ArrayExample<>(output, names, values)} would hold, but skips that constructor's four array
 * copies and its boxed argument sort, and {@link #validateExample()} skips the per-example set of names
 * (the names are known to be distinct). Every other method, including copying, is {@link ArrayExample}'s.
 *
 * @param <T> the output type
 */
final class SortedArrayExample<T extends Output<T>> extends ArrayExample<T> {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an example.
     *
     * @param output the output
     * @param names  distinct feature names in ascending {@link String#compareTo} order; copied
     * @param values the values, by position in {@code names}; taken over, not copied
     */
    SortedArrayExample(final T output, final String[] names, final double[] values) {
        super(output, DEFAULT_WEIGHT, 0);
        this.featureNames = Arrays.copyOf(names, names.length);
        this.featureValues = values;
        this.size = names.length;
    }

    @Override
    public boolean validateExample() {
        if (size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(featureValues[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return the feature names, in ascending order (not a copy) */
    String[] names() {
        return featureNames;
    }

    /** @return the feature values, by position in {@link #names()} (not a copy) */
    double[] values() {
        return featureValues;
    }
}
