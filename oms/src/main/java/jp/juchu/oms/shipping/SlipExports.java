package jp.juchu.oms.shipping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 送り状出力: checks the orders ready to ship against the carrier's layout, records each export as a batch
 * (who, when, which orders), moves the orders to 印刷済み, and writes the slip CSV — Shift_JIS, CRLF, one
 * row per shipment — streaming order by order.
 */
@Service
public class SlipExports {

    static final String READY_TO_SHIP = "READY_TO_SHIP";
    static final String PRINTED = "PRINTED";

    private final Orders orders;
    private final ContractorInfo contractor;
    private final CarrierSettings carriers;
    private final JdbcClient jdbc;
    private final Clock clock;

    SlipExports(Orders orders, ContractorInfo contractor, CarrierSettings carriers, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.contractor = contractor;
        this.carriers = carriers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An order as the export sees it: its number, buyer, whether it was exported before, and its problems. */
    public record Candidate(
            long orderId,
            String orderNumber,
            String buyerName,
            int shipments,
            boolean exportedBefore,
            List<String> problems) {

        public boolean exportable() {
            return problems.isEmpty();
        }
    }

    /** A recorded export (出力履歴). */
    public record Batch(long id, Carrier carrier, String exportedBy, OffsetDateTime exportedAt, int orders, int rows) {}

    /** The orders waiting in 出荷待ち, each checked. */
    public List<Candidate> readyToShip(Carrier carrier) {
        return check(carrier, orders.inStatus(READY_TO_SHIP, 1000));
    }

    /** Checks each order against the carrier's layout, listing every problem. */
    public List<Candidate> check(Carrier carrier, List<Long> orderIds) {
        SlipLayout layout = SlipLayout.of(carrier);
        Contractor sender = sender();
        List<Candidate> candidates = new ArrayList<>();
        for (long id : orderIds) {
            orders.detail(id).ifPresent(o -> {
                SlipLayout.Rows rows = layout.rows(o, sender, null, LocalDate.now(clock));
                candidates.add(new Candidate(
                        o.id(),
                        o.orderNumber(),
                        o.buyerName(),
                        o.shipments().size(),
                        exportedBefore(o.id()),
                        rows.problems()));
            });
        }
        return candidates;
    }

    /**
     * Records a batch of the orders that pass the check — leaving out those exported before unless
     * {@code again} — and moves them to 印刷済み.
     *
     * @throws IllegalArgumentException when no order is left to export
     */
    @Transactional
    public Batch record(Carrier carrier, List<Long> orderIds, boolean again, String actor) {
        List<Candidate> exportable = check(carrier, orderIds).stream()
                .filter(Candidate::exportable)
                .filter(c -> again || !c.exportedBefore())
                .toList();
        if (exportable.isEmpty()) {
            throw new IllegalArgumentException("出力できる受注がありません (問題のある受注・出力済みの受注は除かれます)");
        }
        int rows = exportable.stream().mapToInt(Candidate::shipments).sum();
        long id = jdbc.sql("insert into slip_export (carrier, exported_by, order_count, row_count) values (?, ?, ?, ?)"
                        + " returning id")
                .params(carrier.name(), actor, exportable.size(), rows)
                .query(Long.class)
                .single();
        for (Candidate c : exportable) {
            jdbc.sql("insert into slip_export_order (export_id, order_id) values (?, ?)")
                    .params(id, c.orderId())
                    .update();
        }
        orders.moveTo(
                exportable.stream().map(Candidate::orderId).toList(),
                PRINTED,
                actor,
                "ステータス: 印刷済み (" + carrier.label() + " 送り状出力 #" + id + ")");
        return batch(id);
    }

    /** Writes a batch's slip CSV: the header, then one row per shipment, reading one order at a time. */
    public void write(long batchId, OutputStream out) throws IOException {
        Batch batch = batch(batchId);
        Contractor sender = sender();
        String customerCode = carriers.of(batch.carrier()).customerCode();
        LocalDate shipDate =
                batch.exportedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        SlipLayout layout = SlipLayout.of(batch.carrier());
        Writer writer = new OutputStreamWriter(out, JapaneseCsv.WINDOWS_31J);
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(layout.header());
        for (long orderId : orderIds(batchId)) {
            OrderDetail order = orders.detail(orderId).orElse(null);
            if (order == null) {
                continue;
            }
            for (List<String> row :
                    layout.rows(order, sender, customerCode, shipDate).rows()) {
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    public Batch batch(long id) {
        return jdbc.sql(
                        "select id, carrier, exported_by, exported_at, order_count, row_count from slip_export where id = ?")
                .param(id)
                .query((rs, n) -> new Batch(
                        rs.getLong(1),
                        Carrier.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getInt(5),
                        rs.getInt(6)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("出力履歴 #" + id + " はありません"));
    }

    public List<Batch> batches(int limit) {
        return jdbc
                .sql("select id from slip_export order by id desc limit ?")
                .param(limit)
                .query(Long.class)
                .list()
                .stream()
                .map(this::batch)
                .toList();
    }

    private List<Long> orderIds(long batchId) {
        return jdbc.sql("select order_id from slip_export_order where export_id = ? order by order_id")
                .param(batchId)
                .query(Long.class)
                .list();
    }

    private boolean exportedBefore(long orderId) {
        return jdbc.sql("select exists (select 1 from slip_export_order where order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    private Contractor sender() {
        return contractor.get().orElseThrow(() -> new IllegalStateException("送り状のご依頼主になる契約者情報を先に登録してください"));
    }
}
