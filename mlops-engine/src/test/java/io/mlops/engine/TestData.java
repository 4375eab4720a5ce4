package io.mlops.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Small, seeded data sets for tests. */
public final class TestData {
    private TestData() {}

    /**
     * Writes a learnable CSV with numeric, categorical and text columns and three classes.
     *
     * @param file the file
     * @param rows the number of rows
     * @param seed the seed
     * @return the file
     */
    public static Path writeMixedCsv(final Path file, final int rows, final long seed) {
        Random random = new Random(seed);
        String[] labels = {"meals", "lodging", "transport"};
        String[][] words = {
            {"dinner", "lunch", "restaurant", "pizza"},
            {"hotel", "night", "room", "stay"},
            {"taxi", "train", "flight", "bus"}
        };
        String[] countries = {"DE", "FR", "US"};
        StringBuilder csv = new StringBuilder("description,amount,country,category\n");
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(3);
            double amount = 20 + c * 30 + random.nextGaussian() * 25;
            int hint = random.nextDouble() < 0.7 ? c : random.nextInt(3);
            String text =
                    words[hint][random.nextInt(4)] + " " + words[random.nextInt(3)][random.nextInt(4)] + " receipt";
            csv.append('"')
                    .append(text)
                    .append("\",")
                    .append(String.format(Locale.ROOT, "%.2f", amount))
                    .append(',')
                    .append(countries[random.nextInt(3)])
                    .append(',')
                    .append(labels[c])
                    .append('\n');
        }
        return write(file, csv.toString());
    }

    /**
     * Writes a text file, creating parent folders.
     *
     * @param file    the file
     * @param content the content
     * @return the file
     */
    public static Path write(final Path file, final String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
