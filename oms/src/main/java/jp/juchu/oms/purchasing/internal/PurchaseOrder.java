package jp.juchu.oms.purchasing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A purchase order (発注伝票): it owns its state and refuses what its state forbids — editing lines once goods
 * arrived, receiving a draft, closing without a reason, cancelling what was partly received. Every path (page,
 * suggestions, receiving) changes a purchase order only through these methods.
 */
public final class PurchaseOrder {

    public static final int MAX_LINES = 200;
    public static final int MAX_QUANTITY = 9_999_999;
    public static final long MAX_UNIT_PRICE = 99_999_999;
    /** The largest total of one purchase order: 99億9,999万9,999円. */
    public static final long MAX_TOTAL = 9_999_999_999L;

    /** A line: SKU, quantity ordered, unit price and quantity received so far. {@code id} null until saved. */
    public record Line(Long id, long productId, String code, String name, int quantity, long unitPrice, int received) {

        public int remaining() {
            return Math.max(0, quantity - received);
        }

        public long amount() {
            return quantity * unitPrice;
        }
    }

    /** What one receipt took in, per line, and whether it went over the quantity ordered. */
    public record Received(Line line, int quantity, boolean over) {}

    private final long id;
    private final String number;
    private final long supplierId;
    private PurchaseOrderStatus status;
    private LocalDate orderedOn;
    private LocalDate dueOn;
    private String note;
    private String closeReason;
    private List<Line> lines;

    public PurchaseOrder(
            long id,
            String number,
            long supplierId,
            PurchaseOrderStatus status,
            LocalDate orderedOn,
            LocalDate dueOn,
            String note,
            String closeReason,
            List<Line> lines) {
        this.id = id;
        this.number = number;
        this.supplierId = supplierId;
        this.status = status;
        this.orderedOn = orderedOn;
        this.dueOn = dueOn;
        this.note = note;
        this.closeReason = closeReason;
        this.lines = List.copyOf(lines);
    }

    /** Checks the lines a new or edited purchase order would have. */
    static void checkLines(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new PurchasingRefused("明細: 1行以上入力してください");
        }
        if (lines.size() > MAX_LINES) {
            throw new PurchasingRefused("明細: 1枚の発注伝票は " + MAX_LINES + " 行までです");
        }
        Set<Long> skus = new HashSet<>();
        long total = 0;
        for (Line l : lines) {
            if (!skus.add(l.productId())) {
                throw new PurchasingRefused("明細: 商品コード " + l.code() + " が2行あります。1行にまとめてください");
            }
            if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw new PurchasingRefused(l.code() + " の数量: 1〜" + String.format("%,d", MAX_QUANTITY) + " で入力してください");
            }
            if (l.unitPrice() < 0 || l.unitPrice() > MAX_UNIT_PRICE) {
                throw new PurchasingRefused(
                        l.code() + " の単価: 0〜" + String.format("%,d", MAX_UNIT_PRICE) + " 円で入力してください");
            }
            total += l.amount();
        }
        if (total > MAX_TOTAL) {
            throw new PurchasingRefused("合計金額: 1枚の発注伝票は " + String.format("%,d", MAX_TOTAL) + " 円までです");
        }
    }

    private void move(PurchaseOrderStatus next, String doing) {
        if (!status.canMoveTo(next)) {
            throw new PurchasingRefused("発注伝票 " + number + " は「" + status.label() + "」のため" + doing + "できません");
        }
        status = next;
    }

    /** Changes the lines: a draft or an order nothing has arrived for yet; never below what arrived. */
    public void replaceLines(List<Line> newLines) {
        if (status != PurchaseOrderStatus.DRAFT && status != PurchaseOrderStatus.ORDERED) {
            throw new PurchasingRefused("発注伝票 " + number + " は「" + status.label() + "」のため明細を変更できません");
        }
        checkLines(newLines);
        lines = List.copyOf(newLines);
    }

    /** Moves the due date (納期) — allowed while goods are still to come; suggestions are unaffected. */
    public void changeDueDate(LocalDate due, String newNote) {
        if (!status.open()) {
            throw new PurchasingRefused("発注伝票 " + number + " は「" + status.label() + "」のため変更できません");
        }
        if (due == null) {
            throw new PurchasingRefused("納期: 入力してください");
        }
        dueOn = due;
        note = newNote;
    }

    /** 発注する: the draft is ordered today. */
    public void place(LocalDate today) {
        move(PurchaseOrderStatus.ORDERED, "発注");
        orderedOn = today;
    }

    /**
     * Takes in what arrived, per line id. More than remains is refused unless {@code overConfirmed} (the person saw
     * the warning and confirmed).
     *
     * @throws OverReceipt when a line goes over and it was not confirmed
     */
    public List<Received> receive(Map<Long, Integer> quantities, boolean overConfirmed) {
        if (status != PurchaseOrderStatus.ORDERED && status != PurchaseOrderStatus.PARTIAL) {
            throw new PurchasingRefused("発注伝票 " + number + " は「" + status.label() + "」のため入荷できません"
                    + (status == PurchaseOrderStatus.DRAFT ? " (先に発注してください)" : ""));
        }
        Map<Long, Line> byId = new LinkedHashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        List<Received> received = new ArrayList<>();
        List<String> over = new ArrayList<>();
        for (Map.Entry<Long, Integer> q : quantities.entrySet()) {
            Line line = byId.get(q.getKey());
            if (line == null) {
                throw new PurchasingRefused("入荷数: 発注伝票 " + number + " にない明細です");
            }
            int n = q.getValue();
            if (n < 0 || n > MAX_QUANTITY) {
                throw new PurchasingRefused(
                        line.code() + " の入荷数: 0〜" + String.format("%,d", MAX_QUANTITY) + " で入力してください");
            }
            if (n == 0) {
                continue;
            }
            boolean isOver = n > line.remaining();
            if (isOver) {
                over.add(line.code() + " (残り " + line.remaining() + "、入荷 " + n + ")");
            }
            received.add(new Received(line, n, isOver));
        }
        if (received.isEmpty()) {
            throw new PurchasingRefused("入荷数: 1行以上に入力してください");
        }
        if (!over.isEmpty() && !overConfirmed) {
            throw new OverReceipt(
                    "発注数より多く入荷しようとしています: " + String.join("、", over) + "。このまま入荷するときは「発注数を超えて入荷する」にチェックしてください");
        }
        List<Line> updated = new ArrayList<>();
        for (Line l : lines) {
            int add = received.stream()
                    .filter(r -> r.line().id().equals(l.id()))
                    .mapToInt(Received::quantity)
                    .sum();
            updated.add(new Line(
                    l.id(), l.productId(), l.code(), l.name(), l.quantity(), l.unitPrice(), l.received() + add));
        }
        lines = List.copyOf(updated);
        move(
                lines.stream().allMatch(l -> l.remaining() == 0)
                        ? PurchaseOrderStatus.RECEIVED
                        : PurchaseOrderStatus.PARTIAL,
                "入荷");
        return received;
    }

    /** 完了(残あり): the rest will not come; a reason is required. */
    public void closeWithRemainder(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PurchasingRefused("完了の理由: 入力してください");
        }
        move(PurchaseOrderStatus.CLOSED, "完了(残あり)に");
        closeReason = reason;
    }

    /** キャンセル: only before anything arrived. */
    public void cancel() {
        if (lines.stream().anyMatch(l -> l.received() > 0)) {
            throw new PurchasingRefused("発注伝票 " + number + " は入荷済みの商品があるためキャンセルできません。完了(残あり)にしてください");
        }
        move(PurchaseOrderStatus.CANCELLED, "キャンセル");
    }

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public long supplierId() {
        return supplierId;
    }

    public PurchaseOrderStatus status() {
        return status;
    }

    public LocalDate orderedOn() {
        return orderedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String note() {
        return note;
    }

    public String closeReason() {
        return closeReason;
    }

    public List<Line> lines() {
        return lines;
    }

    public long total() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    public boolean overdue(LocalDate today) {
        return status.inbound() && dueOn.isBefore(today);
    }
}
