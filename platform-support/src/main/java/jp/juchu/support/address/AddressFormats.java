package jp.juchu.support.address;

import java.util.regex.Pattern;

/**
 * How Japanese phone numbers and postal codes are written, with or without hyphens: one definition for every form,
 * import and check. The patterns are constants so that Bean Validation's {@code @Pattern} can use them.
 */
public final class AddressFormats {

    /** 03-1234-5678, 090-1234-5678, 0312345678 … */
    public static final String PHONE = "0\\d{1,4}-?\\d{1,4}-?\\d{3,4}";

    /** 150-0001 or 1500001 (郵便番号). */
    public static final String POSTAL_CODE = "\\d{3}-?\\d{4}";

    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);
    private static final Pattern POSTAL_CODE_PATTERN = Pattern.compile(POSTAL_CODE);

    private AddressFormats() {}

    public static boolean isPhone(String text) {
        return text != null && PHONE_PATTERN.matcher(text.strip()).matches();
    }

    public static boolean isPostalCode(String text) {
        return text != null && POSTAL_CODE_PATTERN.matcher(text.strip()).matches();
    }
}
