package jp.juchu.oms.sales;

/**
 * Sales of a period by order date, cancelled orders left out: tax included, in yen.
 *
 * @param averageOrderValue sales ÷ orders, rounded down; 0 without orders
 */
public record SalesTotals(long orders, long units, long sales) {

    public long averageOrderValue() {
        return orders == 0 ? 0 : Math.floorDiv(sales, orders);
    }
}
