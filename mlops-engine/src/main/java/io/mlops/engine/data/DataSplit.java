package io.mlops.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded, stratified train/test split: every class keeps its share in both parts, and the same seed
 * always gives the same split.
 *
 * @param train the row indexes for training, ascending
 * @param test  the row indexes for testing, ascending
 */
public record DataSplit(int[] train, int[] test) {
    /**
     * Splits a data set.
     *
     * @param data         the data
     * @param testFraction the share of each class held out for testing
     * @param seed         the seed
     * @return the split
     */
    public static DataSplit stratified(final TypedData data, final double testFraction, final long seed) {
        TreeMap<String, List<Integer>> byLabel = new TreeMap<>();
        for (int row = 0; row < data.size(); row++) {
            byLabel.computeIfAbsent(data.label(row), k -> new ArrayList<>()).add(row);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> rows : byLabel.values()) {
            int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = swap;
            }
            int held = shuffled.length < 2 ? 0 : (int) Math.max(1, Math.round(shuffled.length * testFraction));
            held = Math.min(held, shuffled.length - 1);
            for (int i = 0; i < shuffled.length; i++) {
                (i < held ? test : train).add(shuffled[i]);
            }
        }
        int[] trainRows = train.stream().mapToInt(Integer::intValue).toArray();
        int[] testRows = test.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(trainRows);
        Arrays.sort(testRows);
        return new DataSplit(trainRows, testRows);
    }
}
