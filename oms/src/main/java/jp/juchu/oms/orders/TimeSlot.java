package jp.juchu.oms.orders;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A delivery time slot (お届け時間帯) as the OMS keeps it on a shipment: every slot any carrier offers, with the name a
 * merchant reads. The shop's codes map onto these on import ({@link #fromShop}); each carrier's own code on the slip
 * is the shipping module's business. The stored code is {@link #code()}; a code this list does not know (an unknown
 * slot from a shop) is kept as it came and shown as such, so that a slip check can refuse it.
 */
public enum TimeSlot {
    MORNING("Morning", "午前中"),
    FROM_12_TO_14("From12To14", "12時〜14時"),
    FROM_14_TO_16("From14To16", "14時〜16時"),
    FROM_16_TO_18("From16To18", "16時〜18時"),
    FROM_18_TO_20("From18To20", "18時〜20時"),
    FROM_18_TO_21("From18To21", "18時〜21時"),
    FROM_19_TO_21("From19To21", "19時〜21時");

    private final String code;
    private final String label;

    TimeSlot(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code stored on a shipment (the shop's own spelling, so that imported orders keep theirs). */
    public String code() {
        return code;
    }

    /** The slot in Japanese (午前中, 14時〜16時 …). */
    public String label() {
        return label;
    }

    public static List<TimeSlot> all() {
        return List.of(values());
    }

    public static Optional<TimeSlot> ofCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.strip();
        return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
    }

    /**
     * The shop's slot code as the OMS stores it: a known code (case and spacing aside), or the text as it came when
     * no slot matches (shown as unknown, refused by the slip checks); {@code null} for none.
     */
    public static String fromShop(String shopCode) {
        if (shopCode == null || shopCode.isBlank()) {
            return null;
        }
        String c = shopCode.strip();
        return Arrays.stream(values())
                .filter(s -> s.code.equalsIgnoreCase(c) || s.label.equals(c))
                .findFirst()
                .map(TimeSlot::code)
                .orElse(c);
    }

    /** How a page shows a stored slot: its Japanese name, 「不明な時間帯 (X)」 for an unknown code, "" for none. */
    public static String labelOf(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return ofCode(code).map(TimeSlot::label).orElse("不明な時間帯 (" + code + ")");
    }
}
