package jp.juchu.oms.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.shipping.Carrier;

/**
 * The values of the actions that change an order's shipping and amounts, as a merchant writes them, parsed in one
 * place: saving a rule checks them here, running it reads them here.
 */
final class ActionValues {

    static final int MAX_SHIFT_DAYS = 30;
    static final long MAX_FEE = 100_000;
    static final int MAX_MAPPINGS = 20;

    private ActionValues() {}

    /** 配送業者を指定する: {@code YAMATO}, {@code ヤマト運輸 宅急便コンパクト 冷蔵}; service and cool type optional. */
    record CarrierChoice(Carrier carrier, String service, String coolType) {

        String describe() {
            return carrier.label()
                    + (service == null ? "" : " " + service)
                    + (coolType == null ? "" : " " + coolLabel(coolType));
        }
    }

    /** お届け希望日をずらす: a number of days, + later or − earlier. */
    record Shift(int days) {}

    /** 手数料を加算する: which fee (送料 / 代引手数料 / ラッピング) and how many yen. */
    record Fee(String kind, long yen) {}

    static final List<String> FEE_KINDS = List.of("送料", "代引手数料", "ラッピング");

    /** Every problem with the value of a shipping or amount action; empty for other kinds. */
    static List<String> problems(Action.Kind kind, String value) {
        List<String> problems = new ArrayList<>();
        if (value.isEmpty()) {
            return problems;
        }
        switch (kind) {
            case SET_CARRIER -> carrier(value, problems);
            case MAP_SHIPPING_NAME -> mappings(value, problems);
            case SHIFT_DATE -> shift(value, problems);
            case ADD_FEE -> fee(value, problems);
            case ADD_GIFT -> {
                if (value.length() > OrderLimits.ITEM_CODE || value.contains("{")) {
                    problems.add("プレゼント商品は商品マスタの商品コード (" + OrderLimits.ITEM_CODE + "文字まで) で入れてください");
                }
            }
            default -> {}
        }
        return problems;
    }

    static Optional<CarrierChoice> carrier(String value, List<String> problems) {
        String[] words = normalized(value).split("[\\s/・,、]+");
        Optional<Carrier> carrier = carrierNamed(words[0]);
        if (carrier.isEmpty()) {
            problems.add("配送業者「" + shorten(words[0]) + "」はありません（YAMATO / SAGAWA / JAPAN_POST、またはヤマト運輸・佐川急便・日本郵便）");
            return Optional.empty();
        }
        String service = null;
        String cool = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            String coolType = coolType(word);
            if (coolType != null && cool == null) {
                cool = coolType;
            } else if (carrier.get().services().contains(word) && service == null) {
                service = word;
            } else {
                problems.add("「" + shorten(word) + "」は" + carrier.get().label() + "の配送サービス・温度帯にありません（サービス: "
                        + String.join("・", carrier.get().services()) + "、温度帯: 常温・冷蔵・冷凍）");
                return Optional.empty();
            }
        }
        return Optional.of(new CarrierChoice(carrier.get(), service, cool));
    }

    /** 配送方法を配送業者に置き換える: {@code 宅配便=YAMATO, 佐川急便=SAGAWA}, the shop's names in order. */
    static Map<String, Carrier> mappings(String value, List<String> problems) {
        Map<String, Carrier> mappings = new LinkedHashMap<>();
        String[] pairs = value.split("[,、\\n]+");
        if (pairs.length > MAX_MAPPINGS) {
            problems.add("置き換えは" + MAX_MAPPINGS + "組までです");
            return mappings;
        }
        for (String pair : pairs) {
            if (pair.isBlank()) {
                continue;
            }
            String[] sides = pair.split("[=＝]", -1);
            if (sides.length != 2 || sides[0].isBlank()) {
                problems.add("「" + shorten(pair.strip()) + "」は「ショップの配送方法=配送業者」の形で書いてください（例: 宅配便=YAMATO）");
                continue;
            }
            Optional<Carrier> carrier = carrierNamed(normalized(sides[1]));
            if (carrier.isEmpty()) {
                problems.add("配送業者「" + shorten(sides[1].strip()) + "」はありません（YAMATO / SAGAWA / JAPAN_POST）");
                continue;
            }
            mappings.put(normalized(sides[0]).toLowerCase(Locale.ROOT), carrier.get());
        }
        return mappings;
    }

    static Optional<Shift> shift(String value, List<String> problems) {
        String v = normalized(value).replace("日", "").replace("−", "-").replace(" ", "");
        try {
            int days = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
            if (days == 0 || Math.abs(days) > MAX_SHIFT_DAYS) {
                problems.add("ずらす日数は -" + MAX_SHIFT_DAYS + "〜+" + MAX_SHIFT_DAYS + " (0を除く) で入れてください");
                return Optional.empty();
            }
            return Optional.of(new Shift(days));
        } catch (NumberFormatException e) {
            problems.add("ずらす日数は +2 や -1 のように数で入れてください");
            return Optional.empty();
        }
    }

    static Optional<Fee> fee(String value, List<String> problems) {
        String v = normalized(value).strip();
        String kind = "送料";
        for (String k : FEE_KINDS) {
            if (v.startsWith(k)) {
                kind = k;
                v = v.substring(k.length()).strip();
            }
        }
        v = v.replace(",", "").replace("円", "").strip();
        try {
            long yen = Long.parseLong(v);
            if (yen < 1 || yen > MAX_FEE) {
                problems.add("加算する金額は1円〜" + String.format("%,d", MAX_FEE) + "円で入れてください");
                return Optional.empty();
            }
            return Optional.of(new Fee(kind, yen));
        } catch (NumberFormatException e) {
            problems.add("加算する手数料は「送料 500」「代引手数料 330」「ラッピング 200」のように入れてください");
            return Optional.empty();
        }
    }

    /** The carrier by its code, the shop API's name or its Japanese name. */
    static Optional<Carrier> carrierNamed(String name) {
        for (Carrier c : Carrier.values()) {
            if (c.name().equalsIgnoreCase(name)
                    || c.apiName().equalsIgnoreCase(name)
                    || c.label().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String coolType(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "常温", "NORMAL" -> "NORMAL";
            case "冷蔵", "CHILLED", "クール冷蔵" -> "CHILLED";
            case "冷凍", "FROZEN", "クール冷凍" -> "FROZEN";
            default -> null;
        };
    }

    static String coolLabel(String coolType) {
        return switch (coolType) {
            case "CHILLED" -> "冷蔵";
            case "FROZEN" -> "冷凍";
            default -> "常温";
        };
    }

    static String normalized(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
