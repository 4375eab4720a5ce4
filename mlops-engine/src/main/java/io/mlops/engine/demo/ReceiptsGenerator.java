package io.mlops.engine.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Seeded generator of realistic, bilingual (German/English) expense receipts, the product's demo
 * data set: classify a receipt into one of six categories from its description, amount, currency
 * and country.
 *
 * <p>The output is fully determined by the seed, the batch and the row count. The {@link
 * Batch#SHIFTED} batch models a later period with drifted data so that drift detection and
 * retraining can be demonstrated: new merchants and phrasings, another class mix, higher amounts and a new
 * payment method ({@code mobile_wallet}) on about 30% of the receipts.
 */
public final class ReceiptsGenerator {

    /** Which period of data to generate. */
    public enum Batch {
        /** The reference batch a first model is trained on. */
        INITIAL,
        /**
         * A later batch whose distribution has shifted: new merchants and phrasings, a different
         * class mix and higher amounts.
         */
        SHIFTED
    }

    /** CSV header, in column order. */
    public static final List<String> COLUMNS =
            List.of("description", "merchant", "amount", "currency", "country", "payment_method", "category");

    /** Name of the label column. */
    public static final String LABEL = "category";

    private static final List<String> CATEGORIES =
            List.of("meals", "lodging", "transport", "office_supplies", "software", "entertainment");
    // Deliberately imbalanced; the shifted mix moves share from meals to transport and software.
    private static final double[] INITIAL_MIX = {0.30, 0.15, 0.22, 0.13, 0.10, 0.10};
    private static final double[] SHIFTED_MIX = {0.19, 0.14, 0.31, 0.12, 0.17, 0.07};

    private static final double LABEL_NOISE = 0.02;
    private static final double GENERIC_DESCRIPTION_RATE = 0.07;
    private static final double STYLE_VARIATION_RATE = 0.10;
    private static final double CURRENCY_MISMATCH_RATE = 0.05;
    private static final double SHIFTED_INFLATION = 1.12;
    // the later period introduces a payment method the training data never saw: visible input drift
    private static final String NEW_PAYMENT_METHOD = "mobile_wallet";
    private static final double NEW_PAYMENT_SHARE = 0.3;

    private static final List<String> COUNTRIES = List.of("DE", "AT", "FR", "NL", "CH", "GB", "US");
    private static final double[] COUNTRY_WEIGHTS = {0.45, 0.10, 0.07, 0.07, 0.08, 0.10, 0.13};
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF");
    private static final Map<String, String> CURRENCY_BY_COUNTRY =
            Map.of("DE", "EUR", "AT", "EUR", "FR", "EUR", "NL", "EUR", "US", "USD", "GB", "GBP", "CH", "CHF");
    private static final Map<String, Double> EUR_RATE = Map.of("EUR", 1.0, "USD", 1.08, "GBP", 0.86, "CHF", 0.96);
    private static final Map<String, List<String>> CITIES = Map.of(
            "DE", List.of("Berlin", "München", "Hamburg", "Frankfurt", "Köln", "Düsseldorf"),
            "AT", List.of("Wien", "Graz", "Salzburg"),
            "FR", List.of("Paris", "Lyon"),
            "NL", List.of("Amsterdam", "Rotterdam"),
            "CH", List.of("Zürich", "Genf", "Basel"),
            "GB", List.of("London", "Manchester"),
            "US", List.of("New York", "San Francisco", "Chicago"));

    private static final List<String> PAYMENT_METHODS = List.of("card", "cash", "invoice", "company_card");
    private static final Map<String, double[]> PAYMENT_WEIGHTS = Map.of(
            "meals", new double[] {0.45, 0.30, 0.02, 0.23},
            "lodging", new double[] {0.35, 0.02, 0.28, 0.35},
            "transport", new double[] {0.40, 0.15, 0.10, 0.35},
            "office_supplies", new double[] {0.35, 0.10, 0.45, 0.10},
            "software", new double[] {0.25, 0.00, 0.45, 0.30},
            "entertainment", new double[] {0.50, 0.20, 0.10, 0.20});

    private static final List<String> CLIENTS =
            List.of("Müller GmbH", "Acme Corp", "Nordwind AG", "Bauer & Partner", "Contoso Ltd");
    private static final List<String> ITEMS_DE = List.of(
            "Druckerpapier",
            "Toner",
            "Kugelschreiber",
            "Ordner",
            "Haftnotizen",
            "Whiteboard-Marker",
            "Briefumschläge",
            "Klebeband");
    private static final List<String> ITEMS_EN = List.of(
            "printer paper",
            "toner cartridges",
            "pens",
            "binders",
            "sticky notes",
            "whiteboard markers",
            "envelopes",
            "staples");
    // Carry no category signal, so only amount and context can place them.
    private static final List<String> GENERIC = List.of(
            "Beleg",
            "Quittung",
            "Receipt",
            "Misc. expense",
            "Sonstige Ausgaben",
            "Expense, see attached receipt",
            "Rechnung Nr. {ref}",
            "Invoice #{ref}");

    /**
     * A kind of expense within a category. Merchant entries use the compact form {@code
     * name[|product][@country]}; phrases use the slots {city}, {n} (nights/days, scales the amount),
     * {p} (persons/seats, scales the amount), {client}, {item}, {artikel}, {product} and {ref}.
     */
    private record Kind(
            String category,
            double initialWeight,
            double shiftedWeight,
            double medianEur,
            double sigma,
            List<String> merchants,
            List<String> newMerchants,
            List<String> phrases,
            List<String> newPhrases) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "meals",
                    0.65,
                    0.55,
                    22,
                    0.35,
                    List.of(
                            "Restaurant Zum Löwen",
                            "Trattoria Da Marco",
                            "Brauhaus am Markt",
                            "Steakhouse 1850",
                            "The Crown & Anchor@GB",
                            "Bistro Le Petit Zinc@FR",
                            "Sushi Yamato"),
                    List.of("Ramen Ichiban", "Bowl & Greens"),
                    List.of(
                            "Abendessen mit Kunde, {p} Personen", "Geschäftsessen in {city}, {p} Personen",
                            "Mittagessen mit Team ({p} Pers.)", "Bewirtung \"{client}\", {p} Personen",
                            "Dinner with client, {p} people", "Team lunch in {city}, {p} persons",
                            "Business dinner with {client}", "Business lunch at hotel",
                            "Arbeitsessen im Hotel, {p} Personen", "Drinks after the customer event",
                            "Hotel restaurant, dinner", "Catering für Teamevent, {p} Personen"),
                    List.of(
                            "Team-Lunch nach Sprint-Review, {p} Personen",
                            "Offsite dinner, {p} ppl",
                            "Lunch bowl w/ candidate (interview day)")),
            new Kind(
                    "meals",
                    0.35,
                    0.45,
                    9,
                    0.4,
                    List.of("Café Central", "Bäckerei Schneider", "Daily Bread Deli", "Bean There Coffee"),
                    List.of("Wolt", "Lieferando"),
                    List.of(
                            "Frühstück",
                            "Kaffee und Brötchen",
                            "Coffee before client meeting",
                            "Breakfast at the train station",
                            "Sandwich on the road",
                            "Verpflegung unterwegs",
                            "Snacks für Workshop",
                            "Frühstück im Hotel, extra berechnet"),
                    List.of(
                            "Essenslieferung ins Büro",
                            "Food delivery during late shift",
                            "Lieferung Mittagessen, Homeoffice")),
            new Kind(
                    "lodging",
                    1.0,
                    1.0,
                    115,
                    0.35,
                    List.of(
                            "Hotel Adler",
                            "Parkhotel Sonnenhof",
                            "Grand Hotel Europa",
                            "CityStay Hotel",
                            "Hôtel du Parc@FR",
                            "Pension Alpenblick@AT",
                            "Premier Lodge@GB"),
                    List.of("Airbnb", "Numa Apartments"),
                    List.of(
                            "Übernachtung {n} Nächte inkl. Frühstück",
                            "Hotel {city}, {n} Nächte",
                            "Hotelrechnung Messe {city}",
                            "Overnight stay, {n} nights",
                            "Hotel in {city} for {n} nights",
                            "Accommodation for conference in {city}",
                            "Room, {n} nights incl. breakfast",
                            "Übernachtung mit Abendessen",
                            "Hotel stay incl. dinner, {n} nights",
                            "Zimmer + Minibar, {n} Nächte",
                            "Hotel, Parken und Frühstück"),
                    List.of(
                            "Apartment für Projekteinsatz, {n} Nächte",
                            "Serviced apartment, {n} nights (long stay)",
                            "Unterkunft via Buchungsportal, {n} Nächte")),
            new Kind(
                    "transport",
                    0.30,
                    0.20,
                    28,
                    0.5,
                    List.of("Uber", "Taxi-Zentrale", "City Cab Ltd@GB", "Metro Cabs@US"),
                    List.of("Bolt", "FreeNow"),
                    List.of(
                            "Taxi to airport",
                            "Taxi zum Bahnhof",
                            "Taxifahrt Hotel - Messe",
                            "Ride to client office",
                            "Fahrt zum Kunden in {city}",
                            "Taxi from hotel to conference",
                            "Shuttle zum Hotel",
                            "Airport transfer to the hotel"),
                    List.of(
                            "Ride-hailing to office, late night",
                            "Fahrdienst-App: Fahrt zum Flughafen",
                            "Ride share to \"{client}\" HQ")),
            new Kind(
                    "transport",
                    0.25,
                    0.20,
                    75,
                    0.6,
                    List.of("DB Fernverkehr@DE", "ÖBB@AT", "SBB CFF FFS@CH", "SNCF@FR", "Eurostar@GB"),
                    List.of("Flixtrain@DE"),
                    List.of(
                            "Bahnticket {city} hin und zurück",
                            "ICE-Fahrkarte nach {city}, 2. Klasse",
                            "Train ticket to {city}",
                            "Return train ticket, 1st class",
                            "Sitzplatzreservierung",
                            "Zugfahrt zum Kunden \"{client}\""),
                    List.of("Deutschlandticket, monthly", "Sparpreis-Ticket {city}, online gebucht")),
            new Kind(
                    "transport",
                    0.15,
                    0.12,
                    240,
                    0.6,
                    List.of("Lufthansa", "Swiss@CH", "easyJet@GB", "British Airways@GB", "KLM@NL"),
                    List.of(),
                    List.of(
                            "Flight {city} - return",
                            "Flug nach {city}, Economy",
                            "Baggage fee",
                            "Seat upgrade on flight to {city}",
                            "Flugticket Messe {city}"),
                    List.of("Flight change fee + fare difference")),
            new Kind(
                    "transport",
                    0.20,
                    0.15,
                    45,
                    0.7,
                    List.of("Sixt", "Europcar", "Shell", "Aral@DE", "APCOA Parking"),
                    List.of(),
                    List.of(
                            "Mietwagen {n} Tage",
                            "Tanken Mietwagen",
                            "Fuel for rental car",
                            "Parking at hotel",
                            "Parkgebühr Flughafen, {n} Tage",
                            "Car rental in {city}, {n} days"),
                    List.of("EV charging, rental car", "Ladestrom E-Auto")),
            new Kind(
                    "transport",
                    0.10,
                    0.08,
                    4,
                    0.5,
                    List.of("BVG@DE", "MVV@DE", "Transport for London@GB", "Wiener Linien@AT"),
                    List.of(),
                    List.of(
                            "U-Bahn Tageskarte",
                            "Subway ticket",
                            "Day travelcard",
                            "Tram ticket to conference venue",
                            "Einzelfahrschein {city}"),
                    List.of()),
            new Kind(
                    "transport",
                    0.0,
                    0.25,
                    6,
                    0.5,
                    List.of(),
                    List.of("Tier", "Voi", "Lime"),
                    List.of(),
                    List.of(
                            "E-scooter ride to meeting",
                            "E-Scooter Fahrt zum Bahnhof",
                            "Scooter rental, 20 min",
                            "E-Roller zum Kunden in {city}")),
            new Kind(
                    "office_supplies",
                    1.0,
                    0.6,
                    22,
                    0.8,
                    List.of(
                            "Staples",
                            "Bürobedarf Müller, Inh. K. Müller",
                            "McPaper@DE",
                            "Office Depot",
                            "Papeterie Lefèvre@FR",
                            "Viking Direct"),
                    List.of("Printly Online"),
                    List.of(
                            "Büromaterial: {artikel}",
                            "{artikel} für das Büro",
                            "Office supplies: {item}",
                            "{item} for the team",
                            "Toner for printer, 2 pcs",
                            "Ordner, Stifte, Post-its",
                            "USB sticks and printed software manual",
                            "Headset für Videocalls",
                            "Notebooks and pens for workshop",
                            "Druckerpapier A4, 5 Pakete",
                            "Adapter und Kabel für Laptop",
                            "Supplies for the team event"),
                    List.of("Webcam + ring light for \"hybrid\" meetings", "Monitorhalterung fürs Homeoffice")),
            new Kind(
                    "office_supplies",
                    0.0,
                    0.4,
                    35,
                    0.5,
                    List.of(),
                    List.of("WeWork", "Spaces", "DeskHub Coworking", "Mindspace"),
                    List.of(),
                    List.of(
                            "Coworking day pass in {city}",
                            "Tagespass Coworking {city}",
                            "Hot desk, {n} days",
                            "Meeting room rental, 2h",
                            "Coworking-Arbeitsplatz {n} Tage")),
            new Kind(
                    "software",
                    1.0,
                    1.0,
                    60,
                    1.0,
                    List.of(
                            "JetBrains|IntelliJ IDEA",
                            "Atlassian|Jira",
                            "GitHub|GitHub Team",
                            "Adobe|Acrobat Pro",
                            "Microsoft|Microsoft 365",
                            "DeepL|DeepL Pro",
                            "Slack|Slack Pro",
                            "Zoom|Zoom Pro"),
                    List.of(
                            "OpenAI|ChatGPT Team",
                            "Notion Labs|Notion Plus",
                            "Figma|Figma Professional",
                            "Miro|Miro Business"),
                    List.of(
                            "Annual {product} license",
                            "{product} subscription, monthly",
                            "Lizenz \"{product}\" verlängert",
                            "Jahreslizenz {product}",
                            "Softwarelizenz {product} für {p} Nutzer",
                            "{product} seats for {p} users",
                            "Monatsabo {product}",
                            "Renewal: {product} (12 months)",
                            "Lizenz Bürosoftware {product}",
                            "Cloud storage upgrade",
                            "Online-Schulung {product}, Zugang für {p} Personen"),
                    List.of(
                            "AI assistant subscription ({product})", "KI-Tool Abo: {product}",
                            "Usage-based API credits", "SaaS seats {product}, {p} users")),
            new Kind(
                    "entertainment",
                    0.55,
                    0.45,
                    28,
                    0.5,
                    List.of("Kino Central", "Theater am Ring", "Konzerthaus", "Eventim"),
                    List.of("Stadthalle Tickets"),
                    List.of(
                            "Kinotickets Teamevent, {p} Personen", "Theaterkarten für Kunden, {p} Stück",
                            "Tickets for \"Hamlet\", {p} persons", "Client entertainment, concert tickets",
                            "Kundenevent mit Abendessen", "Dinner show with client"),
                    List.of("Livestream-Konzert, Firmenzugang")),
            new Kind(
                    "entertainment",
                    0.45,
                    0.55,
                    30,
                    0.6,
                    List.of("Bowling World", "Escape Room Adventures", "Golfclub Seeblick"),
                    List.of("Padel Club Nord", "VR Arena"),
                    List.of(
                            "Bowling night with the team",
                            "Team event: escape room, {p} people",
                            "Firmenfeier Getränke",
                            "Golf-Greenfee mit Kunde \"{client}\"",
                            "Team dinner at the bowling alley"),
                    List.of("Padel-Turnier Teamevent, {p} Personen", "VR team experience, {p} people")));

    private final long seed;

    /**
     * Creates a generator.
     *
     * @param seed seed of the pseudo-random sequence; equal seeds yield equal data
     */
    public ReceiptsGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Generates receipts. The result depends only on the seed, {@code batch} and {@code rows}.
     *
     * @param batch which period to generate
     * @param rows  number of receipts, zero or more
     * @return an unmodifiable list of {@code rows} receipts
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public List<Receipt> generate(Batch batch, int rows) {
        Objects.requireNonNull(batch, "batch");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
        }
        // java.util.Random's algorithm is specified, so the data is stable across JVMs.
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + (batch.ordinal() + 1) * 0xBF58476D1CE4E5B9L);
        List<Receipt> receipts = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            receipts.add(next(random, batch == Batch.SHIFTED));
        }
        return List.copyOf(receipts);
    }

    /**
     * Generates receipts like {@link #generate(Batch, int)} and writes them as UTF-8 CSV with a header
     * row ({@link #COLUMNS}). The file is written next to the target and then atomically moved into
     * place, so readers never see a partial file; missing parent directories are created.
     *
     * @param batch which period to generate
     * @param rows  number of receipts, zero or more
     * @param file  target file; replaced if it exists
     * @throws IOException if the file cannot be written; no temporary file is left behind
     */
    public void writeCsv(Batch batch, int rows, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<Receipt> receipts = generate(batch, rows);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // LF keeps the file diff-friendly when checked into git.
            try (CsvWriter csv =
                    CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(temp, StandardCharsets.UTF_8)) {
                csv.writeRecord(COLUMNS);
                for (Receipt r : receipts) {
                    csv.writeRecord(
                            r.description(),
                            r.merchant(),
                            formatAmount(r.amount()),
                            r.currency(),
                            r.country(),
                            r.paymentMethod(),
                            r.category());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static String formatAmount(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Receipt next(Random r, boolean shifted) {
        String category = CATEGORIES.get(pick(shifted ? SHIFTED_MIX : INITIAL_MIX, r));
        Kind kind = pickKind(category, shifted, r);
        String merchantEntry = pickEntry(kind.merchants(), kind.newMerchants(), shifted, 0.5, r);
        String[] merchant = parseMerchant(merchantEntry);
        String country =
                merchant[2] != null && r.nextDouble() < 0.9 ? merchant[2] : COUNTRIES.get(pick(COUNTRY_WEIGHTS, r));
        String currency = CURRENCY_BY_COUNTRY.get(country);
        if (r.nextDouble() < CURRENCY_MISMATCH_RATE) {
            currency = CURRENCIES.get(r.nextInt(CURRENCIES.size()));
        }
        String template = r.nextDouble() < GENERIC_DESCRIPTION_RATE
                ? GENERIC.get(r.nextInt(GENERIC.size()))
                // New merchants mostly come with new phrasings, old ones mostly keep theirs.
                : pickEntry(
                        kind.phrases(),
                        kind.newPhrases(),
                        shifted,
                        kind.newMerchants().contains(merchantEntry) ? 0.7 : 0.15,
                        r);
        // Mostly short trips and small groups, occasionally longer/larger.
        int nights = 1 + Math.min(r.nextInt(3) + (r.nextDouble() < 0.25 ? r.nextInt(5) : 0), 6);
        int persons = 2 + Math.min(r.nextInt(3) + (r.nextDouble() < 0.25 ? r.nextInt(6) : 0), 8);
        List<String> cities = CITIES.get(country);
        String description = template.replace("{city}", cities.get(r.nextInt(cities.size())))
                .replace("{n}", Integer.toString(nights))
                .replace("{p}", Integer.toString(persons))
                .replace("{client}", CLIENTS.get(r.nextInt(CLIENTS.size())))
                .replace("{item}", ITEMS_EN.get(r.nextInt(ITEMS_EN.size())))
                .replace("{artikel}", ITEMS_DE.get(r.nextInt(ITEMS_DE.size())))
                .replace("{product}", merchant[1] != null ? merchant[1] : merchant[0])
                .replace("{ref}", Integer.toString(1000 + r.nextInt(9000)));
        if (nights == 1) {
            description = description
                    .replace("1 Nächte", "1 Nacht")
                    .replace("1 nights", "1 night")
                    .replace("1 Tage", "1 Tag")
                    .replace("1 days", "1 day");
        }
        description = vary(description, r);

        double units = (template.contains("{n}") ? nights : 1) * (template.contains("{p}") ? persons : 1);
        double eur = kind.medianEur()
                * units
                * StrictMath.exp(kind.sigma() * r.nextGaussian())
                * (shifted ? SHIFTED_INFLATION : 1.0);
        double amount = Math.max(0.5, Math.round(eur * EUR_RATE.get(currency) * 100) / 100.0);
        String payment = PAYMENT_METHODS.get(pick(PAYMENT_WEIGHTS.get(category), r));
        if (shifted && r.nextDouble() < NEW_PAYMENT_SHARE) {
            payment = NEW_PAYMENT_METHOD;
        }

        String label = category;
        if (r.nextDouble() < LABEL_NOISE) {
            List<String> others = new ArrayList<>(CATEGORIES);
            others.remove(category);
            label = others.get(r.nextInt(others.size()));
        }
        return new Receipt(description, merchant[0], amount, currency, country, payment, label);
    }

    private static Kind pickKind(String category, boolean shifted, Random r) {
        List<Kind> kinds =
                KINDS.stream().filter(k -> k.category().equals(category)).toList();
        double[] weights = kinds.stream()
                .mapToDouble(k -> shifted ? k.shiftedWeight() : k.initialWeight())
                .toArray();
        return kinds.get(pick(weights, r));
    }

    /** In the shifted batch, new entries are drawn with probability {@code newShare} where they exist. */
    private static String pickEntry(List<String> old, List<String> fresh, boolean shifted, double newShare, Random r) {
        boolean useNew = shifted && !fresh.isEmpty() && (old.isEmpty() || r.nextDouble() < newShare);
        List<String> source = useNew ? fresh : old;
        return source.get(r.nextInt(source.size()));
    }

    /** Returns {name, product or null, country or null}. */
    private static String[] parseMerchant(String entry) {
        int at = entry.indexOf('@');
        String country = at < 0 ? null : entry.substring(at + 1);
        String rest = at < 0 ? entry : entry.substring(0, at);
        int bar = rest.indexOf('|');
        return bar < 0
                ? new String[] {rest, null, country}
                : new String[] {rest.substring(0, bar), rest.substring(bar + 1), country};
    }

    /** Real expense descriptions are typed by hand, so casing and punctuation are not uniform. */
    private static String vary(String text, Random r) {
        if (r.nextDouble() >= STYLE_VARIATION_RATE) {
            return text;
        }
        return switch (r.nextInt(5)) {
            case 0 -> text.toLowerCase(Locale.ROOT);
            case 1 -> text.toUpperCase(Locale.ROOT);
            case 2 -> text + ".";
            case 3 -> text + " (Ref. " + (100 + r.nextInt(900)) + ")";
            default -> text.replace(", ", " - ");
        };
    }

    private static int pick(double[] weights, Random r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        // Only reachable through rounding; never return a zero-weight entry.
        return last;
    }
}
