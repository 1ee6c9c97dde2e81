package jp.juchu.oms.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.juchu.oms.exchange.OrderCsvImports.Field;
import jp.juchu.oms.exchange.OrderCsvImports.Template;
import org.apache.commons.csv.CSVRecord;

/** The first pass: the header, every line's fields, and each order's lines agreeing with its first. */
final class OrderCsvCheck {

    /** At most this many problems are listed; the count of the rest follows. */
    static final int ERRORS_SHOWN = 200;

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

    private final Template template;
    private final Map<Field, Integer> index = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, OrderCsvLine> first = new HashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final Map<String, Integer> lastLine = new LinkedHashMap<>();
    private final LocalDate today = LocalDate.now(OrderCsvLine.TOKYO);
    private int lines = -1;
    private int more;
    private boolean headerMissing;

    OrderCsvCheck(Template template) {
        this.template = template;
    }

    /** The lines read after the header; -1 when the file had not even a header. */
    int lines() {
        return lines;
    }

    /** How many orders the file holds. */
    int orderCount() {
        return lastLine.size();
    }

    /** The problems found, the first {@value #ERRORS_SHOWN} and then the count of the rest; empty if none. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(errors);
        if (more > 0) {
            problems.add("ほか " + more + " 件の問題があります");
        }
        return problems;
    }

    /** A line of the checked file read again (the second pass): it has no problems. */
    OrderCsvLine read(CSVRecord record) {
        return OrderCsvLine.read(record, (int) record.getRecordNumber(), index, template, new ArrayList<>(), today);
    }

    /** Whether line {@code number} is the last line of its order. */
    boolean isLastOfOrder(OrderCsvLine line, int number) {
        return lastLine.get(line.orderNumber()) == number;
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
        OrderCsvLine line = OrderCsvLine.read(record, number, index, template, problems, today);
        if (line != null) {
            OrderCsvLine earlier = first.putIfAbsent(line.orderNumber(), line);
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
    private void agrees(OrderCsvLine earlier, int earlierNumber, OrderCsvLine line, int number, List<String> problems) {
        for (Field f : ORDER_FIELDS) {
            if (!Objects.equals(earlier.get(f), line.get(f))) {
                problems.add(number + "行目 [" + template.columns().get(f) + "]: 同じ受注番号「" + line.orderNumber()
                        + "」の最初の行 (" + earlierNumber + "行目) と違います");
            }
        }
    }
}
