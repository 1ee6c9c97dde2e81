package jp.juchu.oms.exchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopChange;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import jp.juchu.support.address.AddressFormats;
import jp.juchu.support.address.Prefectures;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * データ取込: orders from a CSV file (a mall without an API, a phone-order sheet), one line per item, read
 * through a column mapping saved as a template. Every line is checked first; nothing is imported unless the
 * whole file is valid. An order number already imported is not imported again. The orders belong to the own channel
 * データ取込 ({@link Mall#CSV}).
 */
@Service
public class OrderCsvImports {

    /** A field an imported line can carry, with the header the standard template expects for it. */
    public enum Field {
        ORDER_NUMBER("受注番号", true),
        ORDERED_AT("受注日時", true),
        BUYER_NAME("購入者名", true),
        BUYER_KANA("購入者フリガナ", false),
        BUYER_EMAIL("購入者メールアドレス", false),
        BUYER_PHONE("購入者電話番号", true),
        BUYER_POSTAL("購入者郵便番号", true),
        BUYER_PREFECTURE("購入者都道府県", true),
        BUYER_ADDRESS("購入者住所", true),
        PAYMENT("支払方法", true),
        SHIP_NAME("お届け先名", false),
        SHIP_PHONE("お届け先電話番号", false),
        SHIP_POSTAL("お届け先郵便番号", false),
        SHIP_PREFECTURE("お届け先都道府県", false),
        SHIP_ADDRESS("お届け先住所", false),
        ITEM_CODE("商品コード", true),
        ITEM_NAME("商品名", true),
        UNIT_PRICE("単価", true),
        QUANTITY("数量", true),
        TAX_RATE("税率", false),
        SHIPPING_FEE("送料", false),
        COD_FEE("代引手数料", false),
        REMARKS("備考", false);

        private final String header;
        private final boolean required;

        Field(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        public String header() {
            return header;
        }

        public boolean required() {
            return required;
        }
    }

    /** A saved mapping (取込テンプレート): for each field, the header of the file's column that carries it. */
    public record Template(long id, String name, Map<Field, String> columns) {}

    /** What an import did, or every problem of the file by line and column. */
    public record Result(int lines, int created, int alreadyImported, List<String> errors) {

        public boolean imported() {
            return errors.isEmpty();
        }
    }

    static final List<String> PREFECTURES = Prefectures.ALL;
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
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Orders orders;
    private final MallConnections channels;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrderCsvImports(Orders orders, MallConnections channels, JdbcClient jdbc, AuditLog audit) {
        this.orders = orders;
        this.channels = channels;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Template> templates() {
        return jdbc.sql("select id, name, mapping::text from import_template order by id")
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), mapping(rs.getString(3))))
                .list();
    }

    public Template template(long id) {
        return templates().stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("取込テンプレート #" + id + " はありません"));
    }

    /**
     * Saves a template.
     *
     * @throws IllegalArgumentException naming the missing name or required field
     */
    @Transactional
    public long save(Long id, String name, Map<Field, String> columns) {
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new IllegalArgumentException("テンプレート名を60文字以内で入力してください");
        }
        Map<String, String> mapping = new TreeMap<>();
        for (Field f : Field.values()) {
            String header = columns.get(f);
            if (header != null && !header.isBlank()) {
                mapping.put(f.name(), header.strip());
            } else if (f.required()) {
                throw new IllegalArgumentException(f.header() + " の列名を入力してください (必須項目)");
            }
        }
        try {
            if (id == null) {
                return jdbc.sql("insert into import_template (name, mapping) values (?, ?::jsonb) returning id")
                        .params(name.strip(), JSON.writeValueAsString(mapping))
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("update import_template set name = ?, mapping = ?::jsonb where id = ?")
                    .params(name.strip(), JSON.writeValueAsString(mapping), id)
                    .update();
            return id;
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("テンプレート名「" + name.strip() + "」はすでにあります");
        }
    }

    /** At most this many problems are listed; the count of the rest follows. */
    static final int ERRORS_SHOWN = 200;

    /** Orders handed to the order module at a time while a checked file is imported. */
    private static final int BATCH = 500;

    /** A file's bytes, for callers that hold them already. */
    @Transactional
    public Result importFile(Template template, String fileName, byte[] content, String actor) {
        return importFile(template, fileName, new ByteArrayResource(content), actor);
    }

    /**
     * Checks every line of the file, then imports its orders only if no line has a problem; both passes stream the
     * file, so its size is bounded by the upload limit, not by memory. The import (or its refusal) is written to the
     * audit log with the person who uploaded the file.
     *
     * @throws IllegalArgumentException when the file is not CSV (naming the line)
     */
    @Transactional
    public Result importFile(Template template, String fileName, InputStreamSource content, String actor) {
        String file = fileName(fileName);
        Check check = new Check(template);
        JapaneseCsv.each(content, check::line);
        if (check.lines < 0) {
            return refused(actor, file, new Result(0, 0, 0, List.of("ファイルが空です")));
        }
        if (!check.errors.isEmpty()) {
            List<String> errors = new ArrayList<>(check.errors);
            if (check.more > 0) {
                errors.add("ほか " + check.more + " 件の問題があります");
            }
            return refused(actor, file, new Result(check.lines, 0, 0, errors));
        }
        Load load = new Load(check);
        JapaneseCsv.each(content, load::line);
        load.flush();
        int orderCount = check.lastLine.size();
        jdbc.sql(
                        "insert into csv_import (file_name, imported_by, line_count, order_count, created) values (?, ?, ?, ?, ?)")
                .params(file, actor, check.lines, orderCount, load.created)
                .update();
        audit.record(
                actor,
                "CSV_IMPORTED",
                "csv:" + file,
                check.lines + "行 / 受注 " + orderCount + "件 (新規 " + load.created + "件)");
        return new Result(check.lines, load.created, orderCount - load.created, List.of());
    }

    private Result refused(String actor, String file, Result result) {
        audit.record(
                actor,
                "CSV_IMPORT_REFUSED",
                "csv:" + file,
                "問題 " + result.errors().size() + "件");
        return result;
    }

    private static String fileName(String name) {
        String printable = name == null ? "" : Text.printable(name).strip();
        return printable.length() > 150 ? printable.substring(0, 150) : printable;
    }

    /** The first pass: the header, every line's fields, and each order's lines agreeing with its first. */
    private static final class Check {
        final Template template;
        final Map<Field, Integer> index = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
        final Map<String, Line> first = new HashMap<>();
        final Map<String, Integer> firstLine = new HashMap<>();
        final Map<String, Integer> lastLine = new LinkedHashMap<>();
        final LocalDate today = LocalDate.now(TOKYO);
        int lines = -1;
        int more;
        boolean headerMissing;

        Check(Template template) {
            this.template = template;
        }

        void line(CSVRecord record) {
            int number = (int) record.getRecordNumber();
            if (lines < 0) {
                lines = 0;
                header(record);
                return;
            }
            lines++;
            if (headerMissing) {
                return;
            }
            List<String> problems = new ArrayList<>();
            Line line = OrderCsvImports.line(record, number, index, template, problems, today);
            if (line != null) {
                Line earlier = first.putIfAbsent(line.orderNumber(), line);
                if (earlier != null) {
                    agrees(earlier, firstLine.get(line.orderNumber()), line, number, problems);
                } else {
                    firstLine.put(line.orderNumber(), number);
                }
                lastLine.put(line.orderNumber(), number);
            }
            for (String problem : problems) {
                if (errors.size() < ERRORS_SHOWN) {
                    errors.add(problem);
                } else {
                    more++;
                }
            }
        }

        private void header(CSVRecord record) {
            List<String> header = record.stream().map(String::strip).toList();
            template.columns().forEach((field, name) -> {
                int i = header.indexOf(name);
                if (i < 0 && field.required()) {
                    errors.add("1行目: 列「" + name + "」(" + field.header() + ") がありません");
                } else if (i >= 0) {
                    index.put(field, i);
                }
            });
            headerMissing = !errors.isEmpty();
        }

        /** An order's buyer, payment, date and destination come from its first line; a later line may not differ. */
        private void agrees(Line earlier, int earlierNumber, Line line, int number, List<String> problems) {
            for (Field f : ORDER_FIELDS) {
                if (!Objects.equals(earlier.get(f), line.get(f))) {
                    problems.add(number + "行目 [" + template.columns().get(f) + "]: 同じ受注番号「" + line.orderNumber()
                            + "」の最初の行 (" + earlierNumber + "行目) と違います");
                }
            }
        }
    }

    /** The second pass over a checked file: each order is built once its last line is read. */
    private final class Load {
        final Check check;
        final Map<String, List<Line>> pending = new HashMap<>();
        final List<IncomingOrder> batch = new ArrayList<>();
        int created;

        Load(Check check) {
            this.check = check;
        }

        void line(CSVRecord record) {
            int number = (int) record.getRecordNumber();
            if (number == 1) {
                return;
            }
            Line line =
                    OrderCsvImports.line(record, number, check.index, check.template, new ArrayList<>(), check.today);
            pending.computeIfAbsent(line.orderNumber(), k -> new ArrayList<>()).add(line);
            if (check.lastLine.get(line.orderNumber()) == number) {
                batch.add(order(line.orderNumber(), pending.remove(line.orderNumber())));
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, ShopChange> results =
                    orders.applyFromShop(channels.ownChannel(Mall.CSV).id(), List.copyOf(batch));
            created += (int)
                    results.values().stream().filter(ShopChange.CREATED::equals).count();
            batch.clear();
        }
    }

    /** The fields that belong to the order, not the line: every line of an order must carry its first line's. */
    private static final List<Field> ORDER_FIELDS = List.of(
            Field.ORDERED_AT,
            Field.BUYER_NAME,
            Field.BUYER_KANA,
            Field.BUYER_EMAIL,
            Field.BUYER_PHONE,
            Field.BUYER_POSTAL,
            Field.BUYER_PREFECTURE,
            Field.BUYER_ADDRESS,
            Field.PAYMENT,
            Field.SHIP_NAME,
            Field.SHIP_PHONE,
            Field.SHIP_POSTAL,
            Field.SHIP_PREFECTURE,
            Field.SHIP_ADDRESS);

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

    /** One checked line; {@code null} (with its problems added) when it has any. */
    private static Line line(
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
            if (!p.isEmpty() && !PREFECTURES.contains(p)) {
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
        return new Line(
                v.get(Field.ORDER_NUMBER), orderedAt, method, v, price, (int) quantity, (int) rate, shipping, cod);
    }

    private record Line(
            String orderNumber,
            OffsetDateTime orderedAt,
            String paymentMethod,
            Map<Field, String> values,
            long unitPrice,
            int quantity,
            int taxRate,
            long shippingFee,
            long codFee) {

        String get(Field f) {
            String value = values.getOrDefault(f, "");
            return value.isEmpty() ? null : value;
        }

        String orElse(Field f, Field fallback) {
            return get(f) != null ? get(f) : get(fallback);
        }
    }

    /** The order of a file's lines: buyer, the one destination and the amounts from its first line. */
    private static IncomingOrder order(String number, List<Line> lines) {
        Line first = lines.get(0);
        List<ShopOrder.Item> items = lines.stream()
                .map(l -> new ShopOrder.Item(
                        l.get(Field.ITEM_CODE), "", l.get(Field.ITEM_NAME), l.unitPrice(), l.quantity(), l.taxRate()))
                .toList();
        long itemsTotal =
                items.stream().mapToLong(i -> i.unitPrice() * i.quantity()).sum();
        long fees = first.shippingFee() + first.codFee();
        Map<Integer, Long> taxable = new TreeMap<>();
        items.forEach(i -> taxable.merge(i.taxRate(), i.unitPrice() * i.quantity(), Long::sum));
        taxable.merge(10, fees, Long::sum);
        List<ShopOrder.TaxLine> tax = new ArrayList<>();
        taxable.forEach((rate, amount) -> tax.add(new ShopOrder.TaxLine(rate, amount, amount * rate / (100 + rate))));
        ShopOrder order = new ShopOrder(
                "csv:" + number,
                number,
                first.orderedAt(),
                first.orderedAt(),
                "New",
                "Unpaid",
                "NotShipped",
                new ShopOrder.Buyer(
                        first.get(Field.BUYER_NAME),
                        first.get(Field.BUYER_KANA),
                        first.get(Field.BUYER_EMAIL),
                        first.get(Field.BUYER_PHONE),
                        first.get(Field.BUYER_POSTAL),
                        first.get(Field.BUYER_PREFECTURE),
                        first.get(Field.BUYER_ADDRESS),
                        null,
                        null),
                first.paymentMethod(),
                List.of(new ShopOrder.Delivery(
                        1,
                        first.orElse(Field.SHIP_NAME, Field.BUYER_NAME),
                        first.get(Field.SHIP_NAME) != null ? null : first.get(Field.BUYER_KANA),
                        first.orElse(Field.SHIP_PHONE, Field.BUYER_PHONE),
                        first.orElse(Field.SHIP_POSTAL, Field.BUYER_POSTAL),
                        first.orElse(Field.SHIP_PREFECTURE, Field.BUYER_PREFECTURE),
                        first.orElse(Field.SHIP_ADDRESS, Field.BUYER_ADDRESS),
                        null,
                        null,
                        null,
                        false,
                        null,
                        first.shippingFee(),
                        items,
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(
                        itemsTotal, first.shippingFee(), first.codFee(), 0, 0, 0, itemsTotal + fees, List.copyOf(tax)),
                first.get(Field.REMARKS));
        String payload = JSON.writeValueAsString(order);
        return IncomingOrder.of(order, payload);
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

    private static Map<Field, String> mapping(String json) {
        Map<Field, String> mapping = new LinkedHashMap<>();
        JSON.readTree(json)
                .properties()
                .forEach(
                        e -> mapping.put(Field.valueOf(e.getKey()), e.getValue().asString()));
        return mapping;
    }
}
