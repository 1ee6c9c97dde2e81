package jp.juchu.oms.documents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The bounds of one print: the orders it takes, each once, in the order given. */
final class DocumentLimits {

    /** The most orders one PDF takes (a slip batch holds at most the 1,000 orders 出荷待ち lists). */
    static final int MAX_ORDERS = 1000;

    private DocumentLimits() {}

    /**
     * The order ids, each once, in their first position.
     *
     * @throws IllegalArgumentException when none is given or more than {@link #MAX_ORDERS}
     */
    static List<Long> orders(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("受注を選んでください");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_ORDERS) {
            throw new IllegalArgumentException(
                    "一度に印刷できる受注は %,d件までです (%,d件選ばれています)".formatted(MAX_ORDERS, distinct.size()));
        }
        return distinct;
    }
}
