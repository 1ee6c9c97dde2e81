package jp.juchu.oms.products;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The shops' listings (商品対応表): which SKUs a shop's item is. */
@Service
public class Listings {

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The SKUs one unit of a shop's item takes: its SKU times the listing's multiplier, or a set's components times
     * their quantities and the multiplier. Empty when the item is not mapped (未登録商品). The components are read
     * now, so a change to a set applies to orders resolved afterwards.
     *
     * @param variation the variation as the order line names it; blank when the item has none
     */
    public Optional<List<Products.Component>> resolve(long connectionId, String itemCode, String variation) {
        return jdbc.sql("select l.product_id, l.multiplier, p.code, p.kind from listing l"
                        + " join product p on p.id = l.product_id"
                        + " where l.connection_id = ? and l.item_code = ? and l.variation = ?")
                .params(connectionId, itemCode, variation == null ? "" : variation.strip())
                .query((rs, n) -> {
                    long productId = rs.getLong("product_id");
                    int multiplier = rs.getInt("multiplier");
                    if ("SET".equals(rs.getString("kind"))) {
                        return jdbc.sql(
                                        "select c.component_id as product_id, p.code, c.quantity * ? as quantity from product_set_component c"
                                                + " join product p on p.id = c.component_id where c.set_id = ?"
                                                + " order by p.code")
                                .params(multiplier, productId)
                                .query(Products.Component.class)
                                .list();
                    }
                    return List.of(new Products.Component(productId, rs.getString("code"), multiplier));
                })
                .optional();
    }

    /**
     * One listing: the shop's item (and variation, {@code ""} when none) and the SKU or set it is, times the
     * multiplier.
     */
    public record Entry(
            long id, long connectionId, String itemCode, String variation, long productId, int multiplier) {}

    private static final String ENTRY =
            "select id, connection_id, item_code, variation, product_id, multiplier" + " from listing";

    public Optional<Entry> find(long listingId) {
        return jdbc.sql(ENTRY + " where id = ?")
                .param(listingId)
                .query(Entry.class)
                .optional();
    }

    /** A shop's listings, by item code and variation. */
    public List<Entry> ofConnection(long connectionId) {
        return jdbc.sql(ENTRY + " where connection_id = ? order by item_code, variation")
                .param(connectionId)
                .query(Entry.class)
                .list();
    }

    /** The listings whose stock depends on these SKUs: the SKUs' own and those of the sets made of them. */
    public List<Entry> dependingOn(java.util.Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = productIds.toArray(Long[]::new);
        return jdbc.sql(ENTRY + " where product_id = any (?) or product_id in"
                        + " (select set_id from product_set_component where component_id = any (?)) order by id")
                .params(ids, ids)
                .query(Entry.class)
                .list();
    }
}
