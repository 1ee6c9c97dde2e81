package jp.juchu.oms.settings;

import java.text.Normalizer;

/**
 * The merchant's own details (契約者情報): the sender on shipping slips, the issuer on 納品書.
 *
 * @param registrationNumber 適格請求書発行事業者の登録番号, T and 13 digits; null when the merchant is not registered
 */
public record Contractor(
        String companyName,
        String representative,
        String postalCode,
        String prefecture,
        String address,
        String phone,
        String email,
        String registrationNumber) {

    /** The form of a registration number: T and 13 digits. */
    public static final String REGISTRATION_NUMBER = "T[0-9]{13}";

    public Contractor {
        registrationNumber = normalizedRegistrationNumber(registrationNumber);
        if (registrationNumber != null && !registrationNumber.matches(REGISTRATION_NUMBER)) {
            throw new IllegalArgumentException("登録番号は T と13桁の数字です (例: T1234567890123)");
        }
    }

    /** A merchant not registered as an issuer of qualified invoices. */
    public Contractor(
            String companyName,
            String representative,
            String postalCode,
            String prefecture,
            String address,
            String phone,
            String email) {
        this(companyName, representative, postalCode, prefecture, address, phone, email, null);
    }

    /**
     * A registration number as people type it made plain: full-width letters and digits to half-width, spaces and
     * hyphens dropped, a lower-case t raised; null for a blank one. Whether it then has the right form is checked
     * separately.
     */
    public static String normalizedRegistrationNumber(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\-‐－ー−]", "")
                .toUpperCase(java.util.Locale.ROOT);
        return plain.isEmpty() ? null : plain;
    }
}
