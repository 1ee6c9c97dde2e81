package jp.juchu.shop.storefront;

import java.time.YearMonth;

/**
 * The test-mode card authorisation: the number must pass the Luhn check and belong to a known brand,
 * the card must not have expired. Only the brand and the last four digits leave this class.
 */
public final class CardCheck {

    /** What a check says: an authorisation, or the field that is wrong and why. */
    public record Result(String brand, String last4, String errorField, String errorCode) {
        public boolean authorised() {
            return errorField == null;
        }

        static Result refused(String field, String code) {
            return new Result(null, null, field, code);
        }
    }

    private CardCheck() {}

    public static Result authorise(String number, int expiryMonth, int expiryYear, YearMonth now) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{13,19}")) {
            return Result.refused("cardNumber", "storefront.card.number.format");
        }
        if (!luhn(digits)) {
            return Result.refused("cardNumber", "storefront.card.number.luhn");
        }
        String brand = brand(digits);
        if (brand == null) {
            return Result.refused("cardNumber", "storefront.card.number.brand");
        }
        if (expiryMonth < 1 || expiryMonth > 12 || expiryYear < 2000) {
            return Result.refused("cardExpiry", "storefront.card.expiry.format");
        }
        if (YearMonth.of(expiryYear, expiryMonth).isBefore(now)) {
            return Result.refused("cardExpiry", "storefront.card.expiry.past");
        }
        return new Result(brand, digits.substring(digits.length() - 4), null, null);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static String brand(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if (digits.startsWith("4")) {
            return "Visa";
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "Mastercard";
        }
        if (four >= 3528 && four <= 3589) {
            return "JCB";
        }
        if (two == 34 || two == 37) {
            return "AmericanExpress";
        }
        if (two == 36 || two == 38 || (four >= 3000 && four <= 3059)) {
            return "Diners";
        }
        return null;
    }
}
