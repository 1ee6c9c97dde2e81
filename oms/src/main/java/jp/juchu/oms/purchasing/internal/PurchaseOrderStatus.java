package jp.juchu.oms.purchasing.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A purchase order's states and the moves between them — the one table every path consults:
 * 下書き → 発注済 → 一部入荷 → 入荷完了, or 完了(残あり) when closed with a remainder, or キャンセル.
 */
public enum PurchaseOrderStatus {
    DRAFT("下書き"),
    ORDERED("発注済"),
    PARTIAL("一部入荷"),
    RECEIVED("入荷完了"),
    CLOSED("完了(残あり)"),
    CANCELLED("キャンセル");

    private static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(ORDERED, CANCELLED),
            ORDERED, EnumSet.of(PARTIAL, RECEIVED, CLOSED, CANCELLED),
            PARTIAL, EnumSet.of(PARTIAL, RECEIVED, CLOSED),
            RECEIVED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CLOSED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class));

    private final String label;

    PurchaseOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open: its remaining quantities are still to come (a draft counts, so it is never suggested twice). */
    public boolean open() {
        return this == DRAFT || this == ORDERED || this == PARTIAL;
    }

    /** Ordered and not finished: its remaining quantities are 入荷予定. */
    public boolean inbound() {
        return this == ORDERED || this == PARTIAL;
    }

    public boolean canMoveTo(PurchaseOrderStatus next) {
        return MOVES.get(this).contains(next);
    }
}
