package jp.juchu.oms.stock;

/**
 * A SKU's stock now.
 *
 * @param onHand 実在庫
 * @param allocated 引当数
 * @param inbound 入荷予定 (open purchase orders)
 * @param held 保留在庫
 */
public record StockLevel(long productId, int onHand, int allocated, int inbound, int held) {

    /** フリー在庫: what can still be allocated or sold. */
    public int free() {
        return onHand - allocated;
    }
}
