package io.mlops.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.mlops.engine.demo.ReceiptsGenerator.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsGeneratorTest {

    private static final int ROWS = 5000;
    private static final Set<String> CATEGORIES =
            Set.of("meals", "lodging", "transport", "office_supplies", "software", "entertainment");

    @TempDir
    Path tmp;

    private static List<Receipt> initial() {
        return new ReceiptsGenerator(42).generate(Batch.INITIAL, ROWS);
    }

    private static List<Receipt> shifted() {
        return new ReceiptsGenerator(42).generate(Batch.SHIFTED, ROWS);
    }

    private static double share(List<Receipt> rows, String category) {
        return rows.stream().filter(r -> r.category().equals(category)).count() / (double) rows.size();
    }

    @Test
    void shouldBeDeterministicForSameSeed() {
        assertThat(new ReceiptsGenerator(7).generate(Batch.INITIAL, 500))
                .isEqualTo(new ReceiptsGenerator(7).generate(Batch.INITIAL, 500));
        assertThat(new ReceiptsGenerator(7).generate(Batch.SHIFTED, 500))
                .isEqualTo(new ReceiptsGenerator(7).generate(Batch.SHIFTED, 500));
    }

    @Test
    void shouldDifferForDifferentSeedsAndBatches() {
        List<Receipt> base = new ReceiptsGenerator(7).generate(Batch.INITIAL, 200);
        assertThat(new ReceiptsGenerator(8).generate(Batch.INITIAL, 200)).isNotEqualTo(base);
        assertThat(new ReceiptsGenerator(7).generate(Batch.SHIFTED, 200)).isNotEqualTo(base);
    }

    @Test
    void shouldProduceValidValues() {
        List<Receipt> rows = initial();
        assertThat(rows).hasSize(ROWS).allSatisfy(r -> {
            assertThat(r.description()).isNotBlank();
            assertThat(r.merchant()).isNotBlank();
            assertThat(r.amount()).isPositive();
            assertThat(Math.round(r.amount() * 100) / 100.0).isEqualTo(r.amount());
            assertThat(r.currency()).isIn("EUR", "USD", "GBP", "CHF");
            assertThat(r.country()).isIn("DE", "AT", "FR", "NL", "US", "GB", "CH");
            assertThat(r.paymentMethod()).isIn("card", "cash", "invoice", "company_card");
            assertThat(r.category()).isIn(CATEGORIES);
        });
        Map<String, String> expected =
                Map.of("DE", "EUR", "AT", "EUR", "FR", "EUR", "NL", "EUR", "US", "USD", "GB", "GBP", "CH", "CHF");
        long consistent = rows.stream()
                .filter(r -> expected.get(r.country()).equals(r.currency()))
                .count();
        assertThat(consistent / (double) ROWS).isBetween(0.9, 0.99);
        assertThat(new ReceiptsGenerator(1).generate(Batch.INITIAL, 0)).isEmpty();
        assertThatThrownBy(() -> new ReceiptsGenerator(1).generate(Batch.INITIAL, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCoverAllCategoriesWithRealisticMix() {
        List<Receipt> rows = initial();
        assertThat(rows).extracting(Receipt::category).isSubsetOf(CATEGORIES).containsAll(CATEGORIES);
        assertThat(share(rows, "meals")).isBetween(0.25, 0.35);
        assertThat(share(rows, "software")).isBetween(0.07, 0.14);
        Map<String, Double> medians = medianAmountByCategory(rows);
        assertThat(medians.get("lodging")).isGreaterThan(medians.get("meals") * 3);
    }

    @Test
    void shouldMixGermanAndEnglishDescriptions() {
        List<Receipt> rows = initial();
        Pattern german = Pattern.compile("[äöüÄÖÜß]|\\b(mit|für|Nächte|Personen)\\b");
        Pattern english = Pattern.compile("\\b(to|for|with|the|at|nights|people)\\b", Pattern.CASE_INSENSITIVE);
        long de = rows.stream()
                .filter(r -> german.matcher(r.description()).find())
                .count();
        long en = rows.stream()
                .filter(r -> english.matcher(r.description()).find())
                .count();
        long umlauts =
                rows.stream().filter(r -> r.description().matches(".*[äöüß].*")).count();
        assertThat(de).isGreaterThan(ROWS / 5);
        assertThat(en).isGreaterThan(ROWS / 5);
        assertThat(umlauts).isGreaterThan(ROWS / 20);
        assertThat(rows)
                .anyMatch(r -> r.description().contains(","))
                .anyMatch(r -> r.description().contains("\""))
                .anyMatch(r -> r.description().equals(r.description().toUpperCase()));
    }

    @Test
    void shouldShiftMerchantsClassMixAndAmountsInShiftedBatch() {
        List<Receipt> initial = initial();
        List<Receipt> shifted = shifted();
        Set<String> oldMerchants = initial.stream().map(Receipt::merchant).collect(Collectors.toSet());
        Set<String> newMerchants = shifted.stream()
                .map(Receipt::merchant)
                .filter(m -> !oldMerchants.contains(m))
                .collect(Collectors.toSet());
        assertThat(newMerchants).contains("Bolt", "WeWork").hasSizeGreaterThanOrEqualTo(10);
        long rowsWithNewMerchant = shifted.stream()
                .filter(r -> newMerchants.contains(r.merchant()))
                .count();
        assertThat(rowsWithNewMerchant / (double) ROWS).isBetween(0.2, 0.6);

        assertThat(share(shifted, "transport")).isGreaterThan(share(initial, "transport") + 0.05);
        assertThat(share(shifted, "software")).isGreaterThan(share(initial, "software") + 0.03);
        assertThat(share(shifted, "meals")).isLessThan(share(initial, "meals") - 0.05);
        assertThat(medianAmountByCategory(shifted).get("lodging"))
                .isGreaterThan(medianAmountByCategory(initial).get("lodging"));
    }

    @Test
    void shouldApplyAboutTwoPercentLabelNoise() {
        // Each merchant belongs to exactly one category, so its majority label is the clean label.
        for (List<Receipt> rows : List.of(initial(), shifted())) {
            Map<String, String> majority = rows.stream()
                    .collect(Collectors.groupingBy(
                            Receipt::merchant, Collectors.groupingBy(Receipt::category, Collectors.counting())))
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().entrySet().stream()
                            .max(Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey()));
            long noisy = rows.stream()
                    .filter(r -> !majority.get(r.merchant()).equals(r.category()))
                    .count();
            assertThat(noisy / (double) rows.size()).isBetween(0.01, 0.04);
        }
    }

    @Test
    void shouldWriteCsvThatRoundTrips() throws IOException {
        Path file = tmp.resolve("nested/dir/receipts.csv");
        ReceiptsGenerator generator = new ReceiptsGenerator(3);
        generator.writeCsv(Batch.INITIAL, 1000, file);
        generator.writeCsv(Batch.INITIAL, 1000, file); // replaces an existing file

        List<Receipt> expected = generator.generate(Batch.INITIAL, 1000);
        List<CsvRecord> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            records = reader.stream().toList();
        }
        assertThat(records.get(0).getFields()).isEqualTo(ReceiptsGenerator.COLUMNS);
        assertThat(ReceiptsGenerator.COLUMNS).contains(ReceiptsGenerator.LABEL);
        List<Receipt> actual = records.stream()
                .skip(1)
                .map(rec -> new Receipt(
                        rec.getField(0),
                        rec.getField(1),
                        Double.parseDouble(rec.getField(2)),
                        rec.getField(3),
                        rec.getField(4),
                        rec.getField(5),
                        rec.getField(6)))
                .toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual)
                .anyMatch(r -> r.description().contains(",") && r.description().contains("\""));
        assertThat(records).allSatisfy(rec -> assertThat(rec.getFieldCount()).isEqualTo(7));
        assertThat(Files.readString(file)).contains("\"\"");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void shouldThrowAndLeaveNoTempFileWhenParentIsAFile() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        assertThatThrownBy(() -> new ReceiptsGenerator(1).writeCsv(Batch.INITIAL, 10, blocker.resolve("r.csv")))
                .isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactly(blocker);
        }
    }

    @Test
    void shouldThrowAndLeaveNoTempFileWhenTargetCannotBeReplaced() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("receipts.csv"));
        Path inside = Files.writeString(target.resolve("keep"), "x");
        assertThatThrownBy(() -> new ReceiptsGenerator(1).writeCsv(Batch.INITIAL, 10, target))
                .isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactly(target);
        }
        assertThat(inside).exists();
    }

    private static Map<String, Double> medianAmountByCategory(List<Receipt> rows) {
        Map<String, Double> medians = new HashMap<>();
        rows.stream()
                .collect(Collectors.groupingBy(
                        Receipt::category, Collectors.mapping(Receipt::amount, Collectors.toList())))
                .forEach((category, amounts) ->
                        medians.put(category, amounts.stream().sorted().toList().get(amounts.size() / 2)));
        return medians;
    }

    @Test
    void shouldIntroduceANewPaymentMethodOnlyInTheLaterBatch() {
        List<Receipt> later = new ReceiptsGenerator(1).generate(Batch.SHIFTED, ROWS);

        long mobile = later.stream()
                .filter(r -> r.paymentMethod().equals("mobile_wallet"))
                .count();

        assertThat(mobile / (double) ROWS).isBetween(0.25, 0.35);
        assertThat(initial()).noneMatch(r -> r.paymentMethod().equals("mobile_wallet"));
    }
}
