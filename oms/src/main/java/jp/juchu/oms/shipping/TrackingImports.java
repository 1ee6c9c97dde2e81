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
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderTracking;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.TransitionRefused;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 伝票番号取込: reads the file the carrier's software gives back (our reference and the slip number per
 * shipment), gives each shipment its tracking number through the order workflow — the order moves to 出荷済み once
 * every shipment has one — and queues the write-back to the shop. All or nothing: a file with any unusable line is
 * refused whole, every such line named by number.
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
    private final OrderTracking tracking;
    private final WriteBacks writeBacks;
    private final Bundles bundles;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrackingImports(
            Orders orders,
            OrderTracking tracking,
            WriteBacks writeBacks,
            Bundles bundles,
            JdbcClient jdbc,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.orders = orders;
        this.tracking = tracking;
        this.writeBacks = writeBacks;
        this.bundles = bundles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What an import did: lines read, shipments given a number (new or replaced), and orders now shipped. */
    public record Result(int lines, int applied, int overwritten, int ordersShipped) {}

    /** The file is not the carrier's tracking-number file; nothing was read from it. */
    public static class WrongFormat extends RuntimeException {
        WrongFormat(String message) {
            super(message);
        }
    }

    /** The file has lines that cannot be used; nothing was applied. Each error is "N行目: 理由". */
    public static class Refused extends RuntimeException {

        private final List<String> errors;

        Refused(List<String> errors) {
            super(String.join("\n", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** One usable line: which shipment gets which number. */
    private record Line(long orderId, int deliveryId, String slip) {}

    /**
     * Checks every line first — our reference, the slip number, the order and shipment, and whether the workflow lets
     * the order ship — and applies the file only when every line is usable: all or nothing. A shipment that already
     * has another number takes the new one only with {@code overwrite}; the replacement is in the order's history and
     * reported to the shop once. The upload is recorded (and in the audit log) whether applied or refused.
     *
     * @throws WrongFormat when the file is not the carrier's
     * @throws Refused when any line cannot be used, with every such line
     */
    public Result importFile(Carrier carrier, String fileName, byte[] content, boolean overwrite, Actor actor) {
        return importFile(carrier, fileName, new ByteArrayResource(content), overwrite, actor);
    }

    /**
     * The same for an upload read as a stream (up to the upload limit, 50 MB): the file is never held in memory
     * whole, only the usable lines' references and the first {@value #ERRORS_SHOWN} problems.
     */
    public Result importFile(
            Carrier carrier, String fileName, InputStreamSource content, boolean overwrite, Actor actor) {
        Reading reading = new Reading(carrier, overwrite, actor);
        try {
            JapaneseCsv.each(content, reading::accept);
        } catch (IllegalArgumentException notCsv) {
            throw new WrongFormat(notCsv.getMessage());
        }
        if (reading.header == null) {
            throw reading.wrongFormat();
        }
        int lineCount = reading.lineCount;
        if (lineCount == 0) {
            throw new WrongFormat("伝票番号の行がありません");
        }
        List<String> errors = reading.errors;
        if (reading.errorCount > ERRORS_SHOWN) {
            errors.add("ほか " + (reading.errorCount - ERRORS_SHOWN) + "件の行にも問題があります");
        }
        List<Line> lines = reading.lines;
        if (!errors.isEmpty()) {
            transactions.executeWithoutResult(
                    tx -> recordUpload(carrier, fileName, actor, lineCount, 0, overwrite, errors));
            throw new Refused(errors);
        }
        try {
            return transactions.execute(tx -> apply(carrier, fileName, lines, lineCount, overwrite, actor));
        } catch (TransitionRefused e) {
            List<String> changed = List.of(e.getMessage() + " (確認のあとで受注が変わりました)");
            transactions.executeWithoutResult(
                    tx -> recordUpload(carrier, fileName, actor, lineCount, 0, overwrite, changed));
            throw new Refused(changed);
        }
    }

    private Result apply(
            Carrier carrier, String fileName, List<Line> lines, int lineCount, boolean overwrite, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        int applied = 0;
        int overwritten = 0;
        int shipped = 0;
        for (Line line : lines) {
            // the workflow checks again under the order's lock: a change since the check above refuses the whole file
            OrderTracking.TrackingRecorded recorded = tracking.recordTracking(
                    line.orderId(), line.deliveryId(), carrier.name(), line.slip(), today, overwrite, actor);
            if (!recorded.changed()) {
                continue;
            }
            applied++;
            overwritten += recorded.overwritten() ? 1 : 0;
            shipped += recorded.orderShipped() ? 1 : 0;
            writeBacks.enqueue(
                    orders.detail(line.orderId()).orElseThrow(), line.deliveryId(), carrier, line.slip(), today);
        }
        recordUpload(carrier, fileName, actor, lineCount, applied, overwrite, List.of());
        return new Result(lineCount, applied, overwritten, shipped);
    }

    private void recordUpload(
            Carrier carrier,
            String fileName,
            Actor actor,
            int lineCount,
            int applied,
            boolean overwrite,
            List<String> errors) {
        String name = fileName == null ? "" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        jdbc.sql("insert into tracking_import (carrier, file_name, imported_by, line_count, applied, errors, refused,"
                        + " overwrite) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        carrier.name(),
                        name,
                        actor.name(),
                        lineCount,
                        applied,
                        errors.isEmpty() ? null : String.join("\n", errors),
                        !errors.isEmpty(),
                        overwrite)
                .update();
        audit.record(
                actor.name(),
                errors.isEmpty() ? "TRACKING_IMPORTED" : "TRACKING_IMPORT_REFUSED",
                "file:" + name,
                carrier.label() + " " + lineCount + "行"
                        + (errors.isEmpty() ? ", 反映 " + applied + "件" : ", エラー " + errors.size() + "件")
                        + (overwrite ? ", 上書きする" : ""));
    }

    /** A value as an error shows it: "(空)" when blank, cut at 30 characters. */
    private static String shown(String value) {
        if (value.isEmpty()) {
            return "(空)";
        }
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    /** Problems listed per file; beyond these the refusal says how many more lines have one. */
    static final int ERRORS_SHOWN = 200;

    /** One pass over the file's records: the header finds the columns, each later line is checked as it comes. */
    private final class Reading {
        private final Carrier carrier;
        private final boolean overwrite;
        private final Actor actor;
        private final List<String> errors = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private List<String> header;
        private int referenceColumn;
        private int slipColumn;
        private int lineCount;
        private int errorCount;

        Reading(Carrier carrier, boolean overwrite, Actor actor) {
            this.carrier = carrier;
            this.overwrite = overwrite;
            this.actor = actor;
        }

        WrongFormat wrongFormat() {
            return new WrongFormat("ファイルの形式が違います。" + carrier.label() + " の発行済みデータ (お客様管理番号と伝票番号の列があるもの) を選んでください");
        }

        void accept(CSVRecord record) {
            if (header == null) {
                header = record.stream().map(TrackingImports::strip).toList();
                referenceColumn = indexOf(header, REFERENCE_HEADERS);
                slipColumn = indexOf(header, SLIP_HEADERS);
                if (referenceColumn < 0 || slipColumn < 0) {
                    throw wrongFormat();
                }
                return;
            }
            lineCount++;
            check(record, lineCount + 1).ifPresent(this::problem);
        }

        private void problem(String error) {
            if (++errorCount <= ERRORS_SHOWN) {
                errors.add(error);
            }
        }

        private Optional<String> check(CSVRecord record, int line) {
            if (record.size() < Math.max(referenceColumn, slipColumn) + 1) {
                return Optional.of(line + "行目: 列が足りません");
            }
            String reference = strip(record.get(referenceColumn));
            String slip = strip(record.get(slipColumn)).replace("-", "");
            Matcher ref = REFERENCE.matcher(reference);
            if (!ref.matches()) {
                return Optional.of(line + "行目: お客様管理番号 " + shown(reference) + " はこのOMSが出力したものではありません");
            }
            if (!SLIP.matcher(slip).matches()) {
                return Optional.of(line + "行目: 伝票番号 " + shown(slip) + " は12桁の数字ではありません");
            }
            if (!seen.add(reference)) {
                return Optional.of(line + "行目: お客様管理番号 " + reference + " がファイル内で重複しています");
            }
            long orderId = Long.parseLong(ref.group(1));
            int deliveryId = Integer.parseInt(ref.group(2));
            Optional<String> refusal = tracking.trackingRefusal(orderId, deliveryId, slip, overwrite, actor);
            if (refusal.isPresent()) {
                return Optional.of(line + "行目: お客様管理番号 " + reference + ": " + refusal.get());
            }
            // the orders merged with it (同梱) shipped in the same box: they take the same number, each reported to its
            // own shop, or the line is refused whole
            List<Line> together = new ArrayList<>(List.of(new Line(orderId, deliveryId, slip)));
            for (long other : bundles.mergedWith(orderId)) {
                Optional<OrderDetail> member =
                        orders.detail(other).filter(m -> m.shipments().size() == 1);
                if (member.isEmpty()) {
                    continue;
                }
                int otherDelivery = member.get().shipments().get(0).deliveryId();
                Optional<String> refused = tracking.trackingRefusal(other, otherDelivery, slip, overwrite, actor);
                if (refused.isPresent()) {
                    return Optional.of(line + "行目: お客様管理番号 " + reference + ": 同梱した受注番号 "
                            + member.get().orderNumber() + ": " + refused.get());
                }
                together.add(new Line(other, otherDelivery, slip));
            }
            lines.addAll(together);
            return Optional.empty();
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
