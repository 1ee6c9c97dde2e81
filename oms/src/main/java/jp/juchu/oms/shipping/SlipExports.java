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
import java.util.Map;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.bundles.OneShipment;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 送り状出力: checks the orders ready to ship against the carrier's layout and the workflow, records each export as
 * a batch (who, when, which orders), moves the orders to 印刷済み through the workflow, and writes the slip CSV —
 * Shift_JIS, CRLF, one row per shipment — streaming order by order, leaving out an order cancelled or held since.
 */
@Service
public class SlipExports {

    static final String READY_TO_SHIP = "READY_TO_SHIP";
    static final String PRINTED = "PRINTED";

    /** Who checks the orders listed on the 出荷 page (the move itself is made by the person who exports). */
    private static final Actor LISTING = Actor.system("送り状出力");

    private final Orders orders;
    private final OrderWorkflow workflow;
    private final ContractorInfo contractor;
    private final CarrierSettings carriers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Bundles bundles;
    private final Clock clock;
    private final ShippingInstructions instructions;
    private final ShopSlips shopSlips;

    SlipExports(
            Orders orders,
            OrderWorkflow workflow,
            ContractorInfo contractor,
            CarrierSettings carriers,
            JdbcClient jdbc,
            AuditLog audit,
            Bundles bundles,
            Clock clock,
            ShippingInstructions instructions,
            ShopSlips shopSlips) {
        this.bundles = bundles;
        this.orders = orders;
        this.workflow = workflow;
        this.contractor = contractor;
        this.carriers = carriers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.instructions = instructions;
        this.shopSlips = shopSlips;
    }

    /**
     * An order as the export sees it: its number, buyer, the slips it takes (0 when it rides on another order's slip
     * of its 同梱), the order numbers it ships with, whether it was exported before, and its problems.
     */
    public record Candidate(
            long orderId,
            String orderNumber,
            String buyerName,
            int shipments,
            List<String> bundledWith,
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

    /**
     * Checks each order against the carrier's layout and the workflow (may it become 印刷済み: not held, not cancelled
     * here or at the shop, paid or with 入金前に出荷する), listing every problem.
     */
    public List<Candidate> check(Carrier carrier, List<Long> orderIds) {
        return check(carrier, orderIds, LISTING);
    }

    private List<Candidate> check(Carrier carrier, List<Long> orderIds, Actor actor) {
        SlipLayout layout = SlipLayout.of(carrier);
        Contractor merchant = sender();
        Map<Long, ShopSlip> shops = shopSlips.all();
        List<Candidate> candidates = new ArrayList<>();
        for (long id : orderIds) {
            orders.detail(id).ifPresent(o -> {
                List<String> problems = new ArrayList<>();
                workflow.check(o.id(), PRINTED, actor).ifPresent(r -> problems.add(r.reason()));
                List<OrderDetail> group = shippedTogether(o, actor, problems);
                OrderDetail one = OneShipment.of(group);
                ShopSlip shop = shops.get(one.connectionId());
                Map<Integer, ShippingInstructions.Instruction> given = instructions(one, shop);
                given.values().stream()
                        .map(ShippingInstructions.Instruction::carrier)
                        .filter(c -> c != null && !c.equals(carrier.name()))
                        .findFirst()
                        .ifPresent(c -> problems.add("この受注の配送業者は" + Carrier.labelOf(c) + "に指定されています"));
                problems.addAll(layout.rows(one, given, sender(shop, merchant), null, LocalDate.now(clock))
                        .problems());
                boolean lead = group.get(0).id() == o.id();
                candidates.add(new Candidate(
                        o.id(),
                        o.orderNumber(),
                        o.buyerName(),
                        lead ? (group.size() > 1 ? 1 : o.shipments().size()) : 0,
                        group.stream()
                                .filter(m -> m.id() != o.id())
                                .map(OrderDetail::orderNumber)
                                .toList(),
                        exportedBefore(o.id()),
                        problems));
            });
        }
        return candidates;
    }

    /**
     * The order and those merged with it (同梱), first order first; each of the others must be ready to print too,
     * since they share one slip — a problem names the one that is not.
     */
    private List<OrderDetail> shippedTogether(OrderDetail order, Actor actor, List<String> problems) {
        List<Long> others = bundles.mergedWith(order.id());
        if (others.isEmpty()) {
            return List.of(order);
        }
        List<OrderDetail> group = new ArrayList<>(List.of(order));
        for (long other : others) {
            orders.detail(other).ifPresent(m -> {
                group.add(m);
                if (!READY_TO_SHIP.equals(m.workflowStatus()) && !PRINTED.equals(m.workflowStatus())) {
                    problems.add("同梱する受注番号 " + m.orderNumber() + " が出荷待ちではありません (いまは「" + m.workflowStatusName() + "」)");
                } else {
                    workflow.check(m.id(), PRINTED, actor)
                            .ifPresent(r -> problems.add("同梱する受注番号 " + m.orderNumber() + ": " + r.reason()));
                }
            });
        }
        group.sort(java.util.Comparator.comparingLong(OrderDetail::id));
        return group;
    }

    /** What keeps a carrier's slips from being made at all (契約者情報, the carrier's settings); empty when nothing. */
    public List<String> missingSetup(Carrier carrier) {
        List<String> missing = new ArrayList<>();
        if (contractor.get().isEmpty()) {
            missing.add(MISSING_CONTRACTOR);
        }
        CarrierSetting setting = carriers.of(carrier);
        if (carrier == Carrier.YAMATO
                && (setting.customerCode() == null || setting.customerCode().isBlank())) {
            missing.add(MISSING_CUSTOMER_CODE);
        }
        return missing;
    }

    static final String MISSING_CONTRACTOR = "送り状のご依頼主になる契約者情報が登録されていません";
    static final String MISSING_CUSTOMER_CODE = "ヤマト運輸 B2クラウドの送り状に必要なご請求先顧客コードが配送業者の設定にありません";

    /**
     * Checks each posted order again — layout, workflow — and, for those that pass (leaving out those exported before
     * unless {@code again}), records the batch and moves them to 印刷済み in the same transaction: the file is made
     * from this batch.
     *
     * @throws IllegalArgumentException when no order is left to export
     * @throws IllegalStateException when the carrier's settings or 契約者情報 are missing
     */
    @Transactional
    public Batch record(Carrier carrier, List<Long> orderIds, boolean again, Actor actor) {
        List<String> missing = missingSetup(carrier);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("。", missing) + "。設定してから出力してください");
        }
        java.util.Set<Long> withBundles = new java.util.LinkedHashSet<>(orderIds);
        orderIds.forEach(id -> withBundles.addAll(bundles.mergedWith(id)));
        List<Candidate> exportable = check(carrier, List.copyOf(withBundles), actor).stream()
                .filter(Candidate::exportable)
                .filter(c -> again || !c.exportedBefore())
                .toList();
        if (exportable.isEmpty()) {
            throw new IllegalArgumentException("出力できる受注がありません (問題のある受注・出力済みの受注は除かれます)");
        }
        long id = jdbc.sql("insert into slip_export (carrier, exported_by, order_count, row_count) values (?, ?, 0, 0)"
                        + " returning id")
                .params(carrier.name(), actor.name())
                .query(Long.class)
                .single();
        OrderWorkflow.Outcome outcome = workflow.moveAll(
                exportable.stream().map(Candidate::orderId).toList(),
                PRINTED,
                actor,
                false,
                carrier.label() + " 送り状出力 #" + id);
        List<Candidate> printed = exportable.stream()
                .filter(c -> outcome.refused().stream().noneMatch(r -> r.orderId() == c.orderId()))
                .toList();
        if (printed.isEmpty()) {
            throw new IllegalArgumentException("出力できる受注がありません: " + String.join(" / ", outcome.refusalMessages()));
        }
        for (Candidate c : printed) {
            jdbc.sql("insert into slip_export_order (export_id, order_id) values (?, ?)")
                    .params(id, c.orderId())
                    .update();
        }
        jdbc.sql("update slip_export set order_count = ?, row_count = ? where id = ?")
                .params(
                        printed.size(),
                        printed.stream().mapToInt(Candidate::shipments).sum(),
                        id)
                .update();
        audit.record(actor.name(), "SLIPS_EXPORTED", "slip_export:" + id, carrier.label() + " " + printed.size() + "件");
        return batch(id);
    }

    /** Writes a batch's slip CSV: the header, then one row per shipment, reading one order at a time. */
    public void write(long batchId, OutputStream out) throws IOException {
        Batch batch = batch(batchId);
        Contractor merchant = sender();
        Map<Long, ShopSlip> shops = shopSlips.all();
        String customerCode = carriers.of(batch.carrier()).customerCode();
        LocalDate shipDate =
                batch.exportedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        SlipLayout layout = SlipLayout.of(batch.carrier());
        Writer writer = new OutputStreamWriter(out, JapaneseCsv.WINDOWS_31J);
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(layout.header());
        List<Long> ids = orderIds(batchId);
        for (List<Long> entry : bundles.asPrinted(ids)) {
            List<OrderDetail> group = new ArrayList<>();
            for (long orderId : entry) {
                OrderDetail order =
                        ids.contains(orderId) ? orders.detail(orderId).orElse(null) : null;
                if (order != null && !stoppedSince(order)) {
                    group.add(order);
                }
            }
            if (group.isEmpty()) {
                continue;
            }
            OrderDetail one = OneShipment.of(group);
            ShopSlip shop = shops.get(one.connectionId());
            for (List<String> row : layout.rows(
                            one, instructions(one, shop), sender(shop, merchant), customerCode, shipDate)
                    .rows()) {
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    /**
     * The batch's orders still to ship, in the order of its slips: those cancelled or held since are left out, as
     * on the slips. For the batch's other papers (納品書, ピッキングリスト).
     *
     * @throws IllegalArgumentException when there is no such batch
     */
    public List<Long> ordersToShip(long batchId) {
        batch(batchId);
        List<Long> ids = orderIds(batchId);
        java.util.Set<Long> stopped = orders.headers(ids).stream()
                .filter(SlipExports::stoppedSince)
                .map(OrderDetail::id)
                .collect(java.util.stream.Collectors.toSet());
        return ids.stream().filter(id -> !stopped.contains(id)).toList();
    }

    /** Cancelled (here or at the shop) or held after the batch was made: never on a slip. */
    private static boolean stoppedSince(OrderDetail order) {
        return "Cancelled".equals(order.shopOrderStatus())
                || "CANCELLED".equals(order.workflowStatus())
                || "ON_HOLD".equals(order.workflowStatus());
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

    /**
     * What the slips of an order follow, in one place: the order's own shipping instructions (a rule's or a person's),
     * else its shop's モール配送伝票 — the shop's carrier where the order names none, the shop's remark before the
     * order's.
     */
    private Map<Integer, ShippingInstructions.Instruction> instructions(OrderDetail order, ShopSlip shop) {
        Map<Integer, ShippingInstructions.Instruction> given = instructions.of(order.id());
        if (shop == null) {
            return given;
        }
        Map<Integer, ShippingInstructions.Instruction> merged = new java.util.TreeMap<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            ShippingInstructions.Instruction own = given.get(s.deliveryId());
            String carrier = own != null && own.carrier() != null ? own.carrier() : shop.carrier();
            String remark = String.join(
                            " ",
                            shop.slipRemark() == null ? "" : shop.slipRemark(),
                            own == null || own.slipRemark() == null ? "" : own.slipRemark())
                    .strip();
            merged.put(
                    s.deliveryId(),
                    new ShippingInstructions.Instruction(
                            s.deliveryId(),
                            carrier,
                            own == null ? null : own.service(),
                            own == null ? null : own.coolType(),
                            remark.isEmpty() ? null : remark));
        }
        return merged;
    }

    private static Contractor sender(ShopSlip shop, Contractor merchant) {
        return shop == null ? merchant : shop.sender(merchant);
    }

    private Contractor sender() {
        return contractor.get().orElseThrow(() -> new IllegalStateException("送り状のご依頼主になる契約者情報を先に登録してください"));
    }
}
