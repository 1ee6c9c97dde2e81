package jp.juchu.oms.stock;

import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入荷予定 per SKU as the purchasing module works it out from its open purchase orders, and the orders short of a
 * SKU (for made-to-order suggestions). The stock table stays the stock module's: purchasing sets the figure here.
 */
@Service
public class InboundStock {

    /** An order line short of a SKU: the order waits for this quantity. */
    public record ShortLine(long orderId, String orderNumber, int deliveryId, int lineNo, int quantity) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InboundStock(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Sets a SKU's inbound quantity and whether it may be sold before it arrives. When what the shops may sell
     * changes (inbound counted for sale), {@link FreeStockChanged} is published so the shops' stock is pushed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void set(long productId, int inbound, boolean sellInbound) {
        jdbc.sql("insert into stock (warehouse_id, product_id) values (?, ?) on conflict do nothing")
                .params(StockLedger.WAREHOUSE, productId)
                .update();
        int before = jdbc.sql("select case when sell_inbound then inbound else 0 end from stock"
                        + " where warehouse_id = ? and product_id = ? for update")
                .params(StockLedger.WAREHOUSE, productId)
                .query(Integer.class)
                .single();
        int quantity = Math.max(0, inbound);
        jdbc.sql("update stock set inbound = ?, sell_inbound = ?, updated_at = now()"
                        + " where warehouse_id = ? and product_id = ?")
                .params(quantity, sellInbound, StockLedger.WAREHOUSE, productId)
                .update();
        int forSale = sellInbound ? quantity : 0;
        if (before != forSale) {
            // more inbound for sale may let waiting orders go on; less never does
            events.publishEvent(new FreeStockChanged(Set.of(productId), forSale < before));
        }
    }

    /** Order lines not allocated for want of this SKU, oldest order first (at most {@code limit}). */
    public List<ShortLine> shortLines(long productId, int limit) {
        return jdbc.sql("""
                        select l.order_id, o.order_number, l.delivery_id, l.line_no, l.quantity
                        from order_allocation_line l join oms_order o on o.id = l.order_id
                        join order_allocation a on a.order_id = l.order_id and a.state = 'SHORT'
                        where l.product_id = ? and not l.allocated
                        order by o.ordered_at, o.id, l.delivery_id, l.line_no limit ?
                        """).params(productId, limit).query(ShortLine.class).list();
    }
}
