package jp.juchu.oms.shipping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.orders.TimeSlot;

/**
 * A delivery carrier (配達業者), with the name the shop's API gives it and the delivery time slots it offers, each
 * with the code its slip software takes (配達時間帯): the one list every slip and every check reads.
 */
public enum Carrier {
    /** B2クラウド 配達時間帯: 0812 午前中, 1416, 1618, 1820, 1921 (no 12–14 slot since 2017). */
    YAMATO(
            "ヤマト運輸",
            "Yamato",
            List.of("宅急便", "宅急便コンパクト", "ネコポス"),
            slots(
                    TimeSlot.MORNING, "0812",
                    TimeSlot.FROM_14_TO_16, "1416",
                    TimeSlot.FROM_16_TO_18, "1618",
                    TimeSlot.FROM_18_TO_20, "1820",
                    TimeSlot.FROM_19_TO_21, "1921")),
    /** e飛伝Ⅱ 配達指定時間帯: 01 午前中, 12, 14, 16, 18, 19 (19–21), 04 (18–21). */
    SAGAWA(
            "佐川急便",
            "Sagawa",
            List.of("飛脚宅配便"),
            slots(
                    TimeSlot.MORNING, "01",
                    TimeSlot.FROM_12_TO_14, "12",
                    TimeSlot.FROM_14_TO_16, "14",
                    TimeSlot.FROM_16_TO_18, "16",
                    TimeSlot.FROM_18_TO_20, "18",
                    TimeSlot.FROM_19_TO_21, "19",
                    TimeSlot.FROM_18_TO_21, "04")),
    /** ゆうパックプリントR 配達時間帯: 51 午前中, 52 12–14, 53 14–16, 54 16–18, 55 18–20, 56 19–21. */
    JAPAN_POST(
            "日本郵便",
            "JapanPost",
            List.of("ゆうパック"),
            slots(
                    TimeSlot.MORNING, "51",
                    TimeSlot.FROM_12_TO_14, "52",
                    TimeSlot.FROM_14_TO_16, "53",
                    TimeSlot.FROM_16_TO_18, "54",
                    TimeSlot.FROM_18_TO_20, "55",
                    TimeSlot.FROM_19_TO_21, "56"));

    private final String label;
    private final String apiName;
    private final List<String> services;
    private final Map<TimeSlot, String> timeSlots;

    Carrier(String label, String apiName, List<String> services, Map<TimeSlot, String> timeSlots) {
        this.label = label;
        this.apiName = apiName;
        this.services = services;
        this.timeSlots = timeSlots;
    }

    /**
     * The carrier's services a slip can name (配送サービス), its usual one first; the slip layouts know their codes
     * (B2クラウド 送り状種別: 宅急便 0, ネコポス 7, 宅急便コンパクト 8).
     */
    public List<String> services() {
        return services;
    }

    public String label() {
        return label;
    }

    /** The carrier as the shop's order API names it. */
    public String apiName() {
        return apiName;
    }

    /** The slots this carrier offers, earliest first. */
    public List<TimeSlot> timeSlots() {
        return List.copyOf(timeSlots.keySet());
    }

    /** The carrier's code for a stored slot code; empty when the carrier does not offer it (or it is unknown). */
    public Optional<String> timeSlotCode(String storedCode) {
        return TimeSlot.ofCode(storedCode).map(timeSlots::get);
    }

    /** The carrier by its enum name, for pages that show a stored carrier code ({@code YAMATO} → ヤマト運輸). */
    public static String labelOf(String name) {
        for (Carrier c : values()) {
            if (c.name().equals(name) || c.apiName.equals(name)) {
                return c.label;
            }
        }
        return name == null ? "" : name;
    }

    private static Map<TimeSlot, String> slots(Object... slotsAndCodes) {
        Map<TimeSlot, String> map = new LinkedHashMap<>();
        for (int i = 0; i < slotsAndCodes.length; i += 2) {
            map.put((TimeSlot) slotsAndCodes[i], (String) slotsAndCodes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
