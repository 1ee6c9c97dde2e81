package jp.juchu.oms.purchasing.internal;

/**
 * A supplier (仕入先).
 *
 * @param leadTimeDays days from ordering to arrival, unless a SKU says otherwise
 * @param minimumAmount the smallest order the supplier takes, in yen (0: none)
 * @param ratePercent 掛け率: the share of the list price the merchant pays
 * @param sendMethod how purchase orders go out: EMAIL (PDF attached), PRINT, CSV
 * @param orderNote printed on each purchase order
 */
public record Supplier(
        long id,
        String code,
        String name,
        String shortName,
        String postalCode,
        String address,
        String phone,
        String fax,
        String email,
        String contactPerson,
        int leadTimeDays,
        long minimumAmount,
        int ratePercent,
        String paymentTerms,
        String sendMethod,
        String orderNote,
        boolean active) {

    public static final java.util.Map<String, String> SEND_METHODS =
            java.util.Map.of("EMAIL", "メール (PDF添付)", "PRINT", "印刷 (FAX・郵送)", "CSV", "CSV");

    public String sendMethodLabel() {
        return SEND_METHODS.getOrDefault(sendMethod, sendMethod);
    }

    /** The short name, or the name when there is none. */
    public String label() {
        return shortName == null || shortName.isBlank() ? name : shortName;
    }
}
