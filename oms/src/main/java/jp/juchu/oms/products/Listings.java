package jp.juchu.oms.products;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        ItemKey key = new ItemKey(itemCode, variation);
        return resolveAll(connectionId, List.of(key)).get(key);
    }

    /**
     * {@link #resolve} for many items of one connection at once, in at most three queries whatever their number (an
     * import's page resolves its items this way).
     *
     * @return every item given, with its SKUs or empty when it is not mapped
     */
    public Map<ItemKey, Optional<List<Products.Component>>> resolveAll(long connectionId, Collection<ItemKey> items) {
        Set<ItemKey> keys = new LinkedHashSet<>(items);
        Map<ItemKey, Listed> listed = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("select i.item_code, i.variation, l.product_id, l.multiplier, p.kind, p.code"
                            + " from unnest(?::text[], ?::text[]) as i(item_code, variation)"
                            + " join listing l on l.connection_id = ? and l.item_code = i.item_code"
                            + " and l.variation = i.variation join product p on p.id = l.product_id")
                    .params(
                            keys.stream().map(ItemKey::itemCode).toArray(String[]::new),
                            keys.stream().map(ItemKey::variation).toArray(String[]::new),
                            connectionId)
                    .query(rs -> {
                        listed.put(
                                new ItemKey(rs.getString(1), rs.getString(2)),
                                new Listed(rs.getLong(3), rs.getString(6), rs.getString(5), rs.getInt(4)));
                    });
        }
        // in the merchant's own channels an item code without a listing may be a product's code
        List<String> byCode = keys.stream()
                .filter(k -> !listed.containsKey(k) && k.variation().isEmpty())
                .map(ItemKey::itemCode)
                .distinct()
                .toList();
        if (!byCode.isEmpty() && ownChannel(connectionId)) {
            jdbc.sql("select id, code, kind from product where code = any (?)")
                    .param(byCode.toArray(String[]::new))
                    .query(rs -> {
                        listed.put(
                                new ItemKey(rs.getString(2), ""),
                                new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), 1));
                    });
        }
        Map<Long, List<Products.Component>> setComponents = new HashMap<>();
        Long[] sets = listed.values().stream()
                .filter(l -> "SET".equals(l.kind()))
                .map(Listed::productId)
                .distinct()
                .toArray(Long[]::new);
        if (sets.length > 0) {
            jdbc.sql("select c.set_id, c.component_id, p.code, c.quantity from product_set_component c"
                            + " join product p on p.id = c.component_id where c.set_id = any (?)"
                            + " order by c.set_id, p.code")
                    .param(sets)
                    .query(rs -> {
                        setComponents
                                .computeIfAbsent(rs.getLong(1), s -> new ArrayList<>())
                                .add(new Products.Component(rs.getLong(2), rs.getString(3), rs.getInt(4)));
                    });
        }
        Map<ItemKey, Optional<List<Products.Component>>> resolved = new LinkedHashMap<>();
        for (ItemKey key : keys) {
            Listed l = listed.get(key);
            if (l == null) {
                resolved.put(key, Optional.empty());
            } else if ("SET".equals(l.kind())) {
                resolved.put(
                        key,
                        Optional.of(setComponents.getOrDefault(l.productId(), List.of()).stream()
                                .map(c -> new Products.Component(
                                        c.productId(), c.code(), Math.multiplyExact(c.quantity(), l.multiplier())))
                                .toList()));
            } else {
                resolved.put(
                        key, Optional.of(List.of(new Products.Component(l.productId(), l.code(), l.multiplier()))));
            }
        }
        return resolved;
    }

    /** What an item is listed as (or, in the own channels, the product its code is): a SKU or set, times how many. */
    private record Listed(long productId, String code, String kind, int multiplier) {}

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

    /** A listing from a row of {@link #ENTRY}, read by its columns' names (as {@link Products#product} says why). */
    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getLong("connection_id"),
                rs.getString("item_code"),
                rs.getString("variation"),
                rs.getLong("product_id"),
                rs.getInt("multiplier"));
    }

    public Optional<Entry> find(long listingId) {
        return jdbc.sql(ENTRY + " where id = ?")
                .param(listingId)
                .query(Listings::entry)
                .optional();
    }

    /** A shop's listings, by item code and variation. */
    public List<Entry> ofConnection(long connectionId) {
        return jdbc.sql(ENTRY + " where connection_id = ? order by item_code, variation")
                .param(connectionId)
                .query(Listings::entry)
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
                .query(Listings::entry)
                .list();
    }
}
