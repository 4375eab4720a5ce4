package io.mlops.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares the parameters and metrics of two versions. */
final class VersionDiffer {
    private VersionDiffer() {}

    static VersionDiff diff(final ModelVersion a, final ModelVersion b) {
        Map<String, Object> pa = parametersOf(a);
        Map<String, Object> pb = parametersOf(b);
        List<VersionDiff.ParameterChange> parameters = new ArrayList<>();
        for (String name : union(pa.keySet(), pb.keySet())) {
            parameters.add(new VersionDiff.ParameterChange(
                    name, pa.get(name), pb.get(name), !same(pa.get(name), pb.get(name))));
        }
        Map<String, Double> ma = a.run().metrics();
        Map<String, Double> mb = b.run().metrics();
        List<VersionDiff.MetricDelta> metrics = new ArrayList<>();
        for (String name : union(ma.keySet(), mb.keySet())) {
            Double from = ma.get(name);
            Double to = mb.get(name);
            metrics.add(new VersionDiff.MetricDelta(name, from, to, from == null || to == null ? null : to - from));
        }
        return new VersionDiff(
                a.name(),
                a.version(),
                b.version(),
                parameters,
                metrics,
                !Objects.equals(a.run().trainDataSha256(), b.run().trainDataSha256()));
    }

    private static Set<String> union(final Set<String> a, final Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean same(final Object a, final Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Object> parametersOf(final ModelVersion version) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(
                "algorithm",
                version.run().algorithm() != null
                        ? version.run().algorithm()
                        : version.model().algorithm());
        all.put("seed", version.run().seed());
        all.putAll(version.run().parameters());
        return all;
    }
}
