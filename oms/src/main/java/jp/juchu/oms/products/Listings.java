package jp.juchu.oms.products;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The shops' listings (商品対応表): which SKUs a shop's item is. In the merchant's own channels (受注登録,
 * データ取込) an item code that is a product's code is that product, without a listing.
 */
@Service
public class Listings {

    private final JdbcClient jdbc;
    private final MallConnections connections;

    Listings(JdbcClient jdbc, MallConnections connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** A shop's item as an order line names it; the variation blank when the item has none. */
    public record ItemKey(String itemCode, String variation) {

        public ItemKey {
            variation = variation == null ? "" : variation.strip();
        }
    }

    /**
     * The SKUs one unit of a shop's item takes: its SKU times the listing's multiplier, or a set's components times
     * their quantities and the multiplier. Empty when the item is not mapped (未登録商品). The components are read
     * now, so a change to a set applies to orders resolved afterwards.
     *
     * @param variation the variation as the order line names it; blank when the item has none
     */
    public Optional<List<Products.Component>> resolve(long connectionId, String itemCode, String variation) {
        String v = variation == null ? "" : variation.strip();
        Optional<List<Products.Component>> listed = jdbc.sql("select l.product_id, l.multiplier, p.code, p.kind"
                        + " from listing l join product p on p.id = l.product_id"
                        + " where l.connection_id = ? and l.item_code = ? and l.variation = ?")
                .params(connectionId, itemCode, v)
                .query((rs, n) -> components(
                        rs.getLong("product_id"), rs.getString("code"), rs.getString("kind"), rs.getInt("multiplier")))
                .optional();
        if (listed.isPresent() || !v.isEmpty() || !ownChannel(connectionId)) {
            return listed;
        }
        return jdbc.sql("select id, code, kind from product where code = ?")
                .param(itemCode)
                .query((rs, n) -> components(rs.getLong("id"), rs.getString("code"), rs.getString("kind"), 1))
                .optional();
    }

    /** Of these items of one connection, those that {@link #resolve} cannot resolve. */
    public Set<ItemKey> unmapped(long connectionId, Collection<ItemKey> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        boolean own = ownChannel(connectionId);
        List<ItemKey> found = jdbc.sql("select i.item_code, i.variation from unnest(?, ?) as i(item_code, variation)"
                        + " where not exists (select 1 from listing l where l.connection_id = ?"
                        + " and l.item_code = i.item_code and l.variation = i.variation)"
                        + " and not (? and i.variation = '' and exists (select 1 from product p"
                        + " where p.code = i.item_code))")
                .params(
                        items.stream().map(ItemKey::itemCode).toArray(String[]::new),
                        items.stream().map(ItemKey::variation).toArray(String[]::new),
                        connectionId,
                        own)
                .query(ItemKey.class)
                .list();
        return new HashSet<>(found);
    }

    private List<Products.Component> components(long productId, String code, String kind, int multiplier) {
        if ("SET".equals(kind)) {
            return jdbc.sql(
                            "select c.component_id as product_id, p.code, c.quantity * ? as quantity from product_set_component c"
                                    + " join product p on p.id = c.component_id where c.set_id = ?"
                                    + " order by p.code")
                    .params(multiplier, productId)
                    .query(Products.Component.class)
                    .list();
        }
        return List.of(new Products.Component(productId, code, multiplier));
    }

    private boolean ownChannel(long connectionId) {
        return connections.find(connectionId).map(MallConnection::ownChannel).orElse(false);
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
