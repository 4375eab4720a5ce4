package io.mlops.engine.features;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.CategoricalInfo;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataProvenance;

/**
 * Tribuo's {@link MutableDataset} of prepared examples, filled in one step: when every example has the same
 * numeric features (as {@link FeaturePreparation} gives for all-numeric schemas), each feature's statistics are
 * gathered on its own, features in parallel, straight from the examples' arrays, with exactly the observations
 * {@link MutableDataset#add} makes one example after another (same order, same switch from a categorical to a real
 * feature after more distinct values than {@link CategoricalInfo#THRESHOLD}); any other data set is filled by
 * {@link MutableDataset#add}.
 */
public final class PreparedDataset extends MutableDataset<Label> {
    private static final long serialVersionUID = 1L;

    /** Fewer values than this are gathered on one thread. */
    private static final long PARALLEL_VALUES = 100_000;

    /**
     * Creates the data set.
     *
     * @param examples   the examples, in order
     * @param provenance where they came from
     * @throws IllegalArgumentException if an example is invalid (as {@link MutableDataset#add} says)
     */
    public PreparedDataset(final List<Example<Label>> examples, final DataProvenance provenance) {
        super(provenance, new LabelFactory());
        String[] names = sharedNames(examples);
        if (names == null) {
            examples.forEach(this::add);
            return;
        }
        IntStream all = IntStream.range(0, examples.size());
        if ((examples.size() * (long) names.length >= PARALLEL_VALUES ? all.parallel() : all)
                .anyMatch(row -> !examples.get(row).validateExample())) {
            throw new IllegalArgumentException("Example had duplicate features, invalid features or no features.");
        }
        if (data instanceof ArrayList<Example<Label>> list) {
            list.ensureCapacity(examples.size());
        }
        data.addAll(examples);
        for (Example<Label> example : examples) {
            outputMap.observe(example.getOutput());
        }
        VariableInfo[] infos = new VariableInfo[names.length];
        IntStream features = IntStream.range(0, names.length);
        (examples.size() * (long) names.length >= PARALLEL_VALUES ? features.parallel() : features)
                .forEach(f -> infos[f] = observe(names[f], examples, f));
        for (VariableInfo info : infos) {
            featureMap.put(info);
        }
    }

    /**
     * The feature names all examples share (the same strings, in the same order), or {@code null} if they do not
     * or an example is not a {@link SortedArrayExample}.
     */
    private static String[] sharedNames(final List<Example<Label>> examples) {
        if (examples.isEmpty() || !(examples.get(0) instanceof SortedArrayExample<Label> first)) {
            return null;
        }
        String[] names = first.names();
        for (Example<Label> example : examples) {
            if (!(example instanceof SortedArrayExample<Label> sorted) || sorted.size() != names.length) {
                return null;
            }
            String[] own = sorted.names();
            for (int f = 0; f < names.length; f++) {
                if (own[f] != names[f]) {
                    return null;
                }
            }
        }
        return names;
    }

    /** One feature's statistics, observed as {@code MutableFeatureMap.add} observes them, example by example. */
    private static VariableInfo observe(final String name, final List<Example<Label>> examples, final int feature) {
        Categorical categorical = new Categorical(name);
        Real real = null;
        for (Example<Label> example : examples) {
            double value = ((SortedArrayExample<Label>) example).values()[feature];
            if (real != null) {
                real.see(value);
                continue;
            }
            categorical.see(value);
            if (categorical.getUniqueObservations() > CategoricalInfo.THRESHOLD) {
                real = new Real(categorical.generateRealInfo());
            }
        }
        return real != null ? new RealInfo(real) : categorical.copy();
    }

    /** Opens {@link CategoricalInfo}'s observation to this class; the data set keeps a plain copy. */
    private static final class Categorical extends CategoricalInfo {
        private static final long serialVersionUID = 1L;

        Categorical(final String name) {
            super(name);
        }

        void see(final double value) {
            observe(value);
        }
    }

    /** Opens {@link RealInfo}'s observation to this class; the data set keeps a plain copy. */
    private static final class Real extends RealInfo {
        private static final long serialVersionUID = 1L;

        Real(final RealInfo from) {
            super(from);
        }

        void see(final double value) {
            observe(value);
        }
    }
}
