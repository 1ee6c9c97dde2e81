package jp.juchu.oms.shipping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 伝票番号取込: reads the file the carrier's software gives back (our reference and the slip number per
 * shipment), gives each shipment its tracking number — the order moves to 出荷済み once every shipment has
 * one — and queues the write-back to the shop. Lines that cannot be used are reported by number; a file
 * that is not the carrier's is refused whole.
 */
@Service
public class TrackingImports {

    private static final Pattern REFERENCE = Pattern.compile("J(\\d{1,18})-(\\d{1,3})");
    private static final Pattern SLIP = Pattern.compile("\\d{12}");
    /** How the carriers' files name our reference and their slip number. */
    private static final List<String> REFERENCE_HEADERS = List.of("お客様管理番号", "お客様管理ナンバー", "お客様側管理番号");

    private static final List<String> SLIP_HEADERS =
            List.of("伝票番号", "お問合せ送り状NO", "お問い合せ送り状No", "問合せ番号", "送り状番号", "お問い合わせ番号");

    private final Orders orders;
    private final WriteBacks writeBacks;
    private final JdbcClient jdbc;
    private final Clock clock;

    TrackingImports(Orders orders, WriteBacks writeBacks, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.writeBacks = writeBacks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an import did: lines read, shipments given a number, and each unusable line with its reason. */
    public record Result(int lines, int applied, int ordersShipped, List<String> errors) {}

    /** The file is not the carrier's tracking-number file; nothing was read from it. */
    public static class WrongFormat extends RuntimeException {
        WrongFormat(String message) {
            super(message);
        }
    }

    @Transactional
    public Result importFile(Carrier carrier, String fileName, byte[] content, String actor) {
        List<CSVRecord> records = parse(content);
        List<String> header = records.isEmpty()
                ? List.of()
                : records.get(0).stream().map(TrackingImports::strip).toList();
        int referenceColumn = indexOf(header, REFERENCE_HEADERS);
        int slipColumn = indexOf(header, SLIP_HEADERS);
        if (referenceColumn < 0 || slipColumn < 0) {
            throw new WrongFormat("ファイルの形式が違います。" + carrier.label() + " の発行済みデータ (お客様管理番号と伝票番号の列があるもの) を選んでください");
        }
        int columns = Math.max(referenceColumn, slipColumn) + 1;
        LocalDate today = LocalDate.now(clock);
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int applied = 0;
        int shipped = 0;
        for (int i = 1; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            int line = i + 1;
            if (record.size() < columns) {
                errors.add(line + "行目: 列が足りません");
                continue;
            }
            String reference = strip(record.get(referenceColumn));
            String slip = strip(record.get(slipColumn)).replace("-", "");
            Matcher ref = REFERENCE.matcher(reference);
            if (!ref.matches()) {
                errors.add(line + "行目: お客様管理番号 " + reference + " はこのOMSが出力したものではありません");
                continue;
            }
            if (!SLIP.matcher(slip).matches()) {
                errors.add(line + "行目: 伝票番号 " + (slip.isEmpty() ? "(空)" : slip) + " は12桁の数字ではありません");
                continue;
            }
            if (!seen.add(reference)) {
                errors.add(line + "行目: お客様管理番号 " + reference + " がファイル内で重複しています");
                continue;
            }
            long orderId = Long.parseLong(ref.group(1));
            int deliveryId = Integer.parseInt(ref.group(2));
            Optional<OrderDetail> order = orders.detail(orderId);
            Optional<Boolean> complete = order.isEmpty()
                    ? Optional.empty()
                    : orders.recordTracking(orderId, deliveryId, carrier.name(), slip, today, actor);
            if (complete.isEmpty()) {
                errors.add(line + "行目: お客様管理番号 " + reference + " の受注・お届け先が見つかりません");
                continue;
            }
            applied++;
            shipped += complete.get() ? 1 : 0;
            writeBacks.enqueue(order.get(), deliveryId, carrier, slip, today);
        }
        jdbc.sql("insert into tracking_import (carrier, file_name, imported_by, line_count, applied, errors)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        carrier.name(),
                        fileName == null ? "" : fileName,
                        actor,
                        records.size() - 1,
                        applied,
                        errors.isEmpty() ? null : String.join("\n", errors))
                .update();
        return new Result(records.size() - 1, applied, shipped, errors);
    }

    private static List<CSVRecord> parse(byte[] content) {
        try {
            return JapaneseCsv.read(content);
        } catch (IllegalArgumentException e) {
            throw new WrongFormat(e.getMessage());
        }
    }

    private static int indexOf(List<String> header, List<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
