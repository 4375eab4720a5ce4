package io.mlops.engine.eval;

import io.mlops.contract.metrics.ClassMetrics;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.Metrics;
import io.mlops.engine.model.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Evaluates a classifier on labelled examples. */
public final class Evaluator {
    private static final double MIN_PROBABILITY = 1e-15;

    /**
     * Predicts every example and computes the metrics.
     *
     * @param model    the model
     * @param examples the test examples, with their true labels
     * @return the metrics
     */
    public Metrics evaluate(final Model<Label> model, final List<Example<Label>> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no test examples");
        }
        List<Prediction<Label>> predictions = Predictions.predict(model, examples);
        List<String> truth = new ArrayList<>(examples.size());
        List<String> predicted = new ArrayList<>(examples.size());
        double logLoss = 0;
        boolean probabilistic = model.generatesProbabilities();
        for (int i = 0; i < examples.size(); i++) {
            String actual = examples.get(i).getOutput().getLabel();
            Prediction<Label> prediction = predictions.get(i);
            truth.add(actual);
            predicted.add(prediction.getOutput().getLabel());
            if (probabilistic) {
                Label scored = prediction.getOutputScores().get(actual);
                double p = scored == null ? 0 : scored.getScore();
                logLoss -= Math.log(Math.max(p, MIN_PROBABILITY));
            }
        }
        return metrics(truth, predicted, probabilistic ? logLoss / examples.size() : null);
    }

    /**
     * Computes the metrics from true and predicted labels.
     *
     * @param truth     the true labels
     * @param predicted the predicted labels, in the same order
     * @param logLoss   the log-loss if known
     * @return the metrics
     */
    public Metrics metrics(final List<String> truth, final List<String> predicted, final Double logLoss) {
        TreeSet<String> classes = new TreeSet<>(truth);
        classes.addAll(predicted);
        List<String> labels = List.copyOf(classes);
        Map<String, Integer> index = new LinkedHashMap<>();
        labels.forEach(l -> index.put(l, index.size()));
        long[][] counts = new long[labels.size()][labels.size()];
        long correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            counts[index.get(truth.get(i))][index.get(predicted.get(i))]++;
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        double weightedF1 = 0;
        for (int c = 0; c < labels.size(); c++) {
            long tp = counts[c][c];
            long support = 0;
            long predictedCount = 0;
            for (int k = 0; k < labels.size(); k++) {
                support += counts[c][k];
                predictedCount += counts[k][c];
            }
            double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(labels.get(c), new ClassMetrics(precision, recall, f1, support));
            precisionSum += precision;
            recallSum += recall;
            f1Sum += f1;
            weightedF1 += f1 * support;
        }
        int n = labels.size();
        return new Metrics(
                (double) correct / truth.size(),
                precisionSum / n,
                recallSum / n,
                f1Sum / n,
                weightedF1 / truth.size(),
                logLoss,
                truth.size(),
                perClass,
                new ConfusionMatrix(labels, counts));
    }
}
