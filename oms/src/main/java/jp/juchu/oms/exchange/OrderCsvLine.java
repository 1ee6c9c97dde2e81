package jp.juchu.oms.exchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.juchu.oms.exchange.OrderCsvImports.Field;
import jp.juchu.oms.exchange.OrderCsvImports.Template;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.system.Text;
import jp.juchu.support.address.AddressFormats;
import jp.juchu.support.address.Prefectures;
import org.apache.commons.csv.CSVRecord;

/** One checked line of an imported order file: its fields read through the template, each in its bounds. */
record OrderCsvLine(
        String orderNumber,
        OffsetDateTime orderedAt,
        String paymentMethod,
        Map<Field, String> values,
        long unitPrice,
        int quantity,
        int taxRate,
        long shippingFee,
        long codFee) {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final Map<String, String> PAYMENTS = Map.of(
            "クレジットカード",
            "CreditCard",
            "銀行振込",
            "BankTransfer",
            "代金引換",
            "CashOnDelivery",
            "代引き",
            "CashOnDelivery",
            "コンビニ払い",
            "ConvenienceStore",
            "コンビニ決済",
            "ConvenienceStore",
            "郵便振替",
            "PostalTransfer");
    private static final Set<String> PAYMENT_NAMES =
            Set.of("CreditCard", "BankTransfer", "CashOnDelivery", "ConvenienceStore", "PostalTransfer");
    private static final Pattern POSTAL = Pattern.compile(AddressFormats.POSTAL_CODE);
    private static final Pattern PHONE = Pattern.compile(AddressFormats.PHONE);
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]"));

    /** The most characters each text field holds (its column); every field but the remarks is one line. */
    private static final Map<Field, Integer> SIZES = Map.ofEntries(
            Map.entry(Field.ORDER_NUMBER, OrderLimits.ORDER_NUMBER),
            Map.entry(Field.BUYER_NAME, OrderLimits.NAME),
            Map.entry(Field.BUYER_KANA, OrderLimits.KANA),
            Map.entry(Field.BUYER_ADDRESS, OrderLimits.ADDRESS),
            Map.entry(Field.SHIP_NAME, OrderLimits.NAME),
            Map.entry(Field.SHIP_ADDRESS, OrderLimits.ADDRESS),
            Map.entry(Field.ITEM_CODE, OrderLimits.ITEM_CODE),
            Map.entry(Field.ITEM_NAME, OrderLimits.ITEM_NAME),
            Map.entry(Field.REMARKS, OrderLimits.REMARKS));

    String get(Field f) {
        String value = values.getOrDefault(f, "");
        return value.isEmpty() ? null : value;
    }

    String orElse(Field f, Field fallback) {
        return get(f) != null ? get(f) : get(fallback);
    }

    /** One checked line; {@code null} (with its problems added) when it has any. */
    static OrderCsvLine read(
            CSVRecord record,
            int number,
            Map<Field, Integer> index,
            Template template,
            List<String> errors,
            LocalDate today) {
        int before = errors.size();
        Map<Field, String> v = new LinkedHashMap<>();
        index.forEach(
                (field, i) -> v.put(field, i < record.size() ? record.get(i).strip() : ""));
        for (Field f : Field.values()) {
            if (f.required() && v.getOrDefault(f, "").isEmpty()) {
                errors.add(number + "行目 [" + template.columns().get(f) + "]: 必須です");
            }
        }
        v.forEach((field, value) -> errors.addAll(OrderLimits.textProblems(
                number + "行目 [" + template.columns().get(field) + "]",
                value,
                SIZES.getOrDefault(field, OrderLimits.ADDRESS),
                field != Field.REMARKS)));
        String email = v.getOrDefault(Field.BUYER_EMAIL, "");
        if (!email.isEmpty() && !OrderLimits.isEmail(email)) {
            errors.add(number + "行目 [" + template.columns().get(Field.BUYER_EMAIL) + "]: メールアドレスの形式が正しくありません");
        }
        OffsetDateTime orderedAt = null;
        String at = v.getOrDefault(Field.ORDERED_AT, "");
        if (!at.isEmpty()) {
            orderedAt = dateTime(at);
            if (orderedAt == null) {
                errors.add(number + "行目 [" + template.columns().get(Field.ORDERED_AT)
                        + "]: 日時が読めません (例 2026/11/28 10:30): " + Text.printable(at));
            } else if (!OrderLimits.plausibleOrderDate(orderedAt.toLocalDate(), today)) {
                errors.add(number + "行目 [" + template.columns().get(Field.ORDERED_AT)
                        + "]: 受注日時は2000/01/01から明日までの日時で入力してください: " + at);
            }
        }
        String payment = v.getOrDefault(Field.PAYMENT, "");
        String method = PAYMENT_NAMES.contains(payment) ? payment : PAYMENTS.get(payment);
        if (!payment.isEmpty() && method == null) {
            errors.add(number + "行目 [" + template.columns().get(Field.PAYMENT) + "]: 支払方法が分かりません: " + payment);
        }
        check(v, Field.BUYER_POSTAL, POSTAL, "郵便番号は 123-4567 のように入力してください", number, template, errors);
        check(v, Field.SHIP_POSTAL, POSTAL, "郵便番号は 123-4567 のように入力してください", number, template, errors);
        check(v, Field.BUYER_PHONE, PHONE, "電話番号は 03-1234-5678 のように入力してください", number, template, errors);
        check(v, Field.SHIP_PHONE, PHONE, "電話番号は 03-1234-5678 のように入力してください", number, template, errors);
        for (Field f : List.of(Field.BUYER_PREFECTURE, Field.SHIP_PREFECTURE)) {
            String p = v.getOrDefault(f, "");
            if (!p.isEmpty() && !Prefectures.ALL.contains(p)) {
                errors.add(number + "行目 [" + template.columns().get(f) + "]: 都道府県名ではありません: " + p);
            }
        }
        long price = number(v, Field.UNIT_PRICE, 0, OrderLimits.MAX_YEN, number, template, errors);
        long quantity = number(v, Field.QUANTITY, 1, OrderLimits.MAX_QUANTITY, number, template, errors);
        long rate = v.getOrDefault(Field.TAX_RATE, "").isEmpty()
                ? 10
                : number(v, Field.TAX_RATE, 0, 100, number, template, errors);
        if (rate != 8 && rate != 10) {
            errors.add(number + "行目 [" + template.columns().get(Field.TAX_RATE) + "]: 税率は 10 か 8 です");
        }
        long shipping = number(v, Field.SHIPPING_FEE, 0, OrderLimits.MAX_YEN, number, template, errors);
        long cod = number(v, Field.COD_FEE, 0, OrderLimits.MAX_YEN, number, template, errors);
        if (errors.size() > before) {
            return null;
        }
        return new OrderCsvLine(
                v.get(Field.ORDER_NUMBER), orderedAt, method, v, price, (int) quantity, (int) rate, shipping, cod);
    }

    private static void check(
            Map<Field, String> v, Field f, Pattern p, String message, int line, Template t, List<String> errors) {
        String value = v.getOrDefault(f, "");
        if (!value.isEmpty() && !p.matcher(value).matches()) {
            errors.add(line + "行目 [" + t.columns().get(f) + "]: " + message + ": " + value);
        }
    }

    private static long number(
            Map<Field, String> v, Field f, long min, long max, int line, Template t, List<String> errors) {
        String value = v.getOrDefault(f, "").replace(",", "");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                errors.add(line + "行目 [" + t.columns().get(f) + "]: " + min + "〜" + max + " の数で入力してください: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(line + "行目 [" + t.columns().get(f) + "]: 数ではありません: " + value);
            return 0;
        }
    }

    private static OffsetDateTime dateTime(String text) {
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(TOKYO).toOffsetDateTime();
            } catch (DateTimeParseException next) {
                // the next format
            }
        }
        return null;
    }
}
