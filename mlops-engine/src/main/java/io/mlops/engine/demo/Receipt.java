package io.mlops.engine.demo;

/**
 * One synthetic expense receipt, i.e. one row of the demo data set.
 *
 * @param description   free-text line as typed by the employee, German or English
 * @param merchant      name of the merchant that issued the receipt
 * @param amount        gross amount in {@code currency}, rounded to two decimals, always positive
 * @param currency      ISO 4217 code: EUR, USD, GBP or CHF
 * @param country       ISO 3166 alpha-2 code of the country where the expense occurred
 * @param paymentMethod one of {@code card}, {@code cash}, {@code invoice}, {@code company_card}; in the later
 *                      batch also {@code mobile_wallet}
 * @param category      the label: expense category the receipt was booked to
 */
public record Receipt(
        String description,
        String merchant,
        double amount,
        String currency,
        String country,
        String paymentMethod,
        String category) {}
