package jp.juchu.oms.products;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a shop's items are in the product master, read for many lines at once (納品書, ピッキングリスト): the listed
 * SKU or set with its 納品書に記載しない flag, and the SKUs one unit takes, each with its shelf location. An item with
 * no listing is simply absent (products are optional: such a line prints as the order has it).
 */
@Service
public class ListedItems {

    /** A shop's item as an order line names it; the variation is "" when it has none. */
    public record Key(String itemCode, String variation) {

        public Key {
            variation = variation == null ? "" : variation.strip();
        }
    }

    /** The SKU or set a shop's item is listed as, and the SKUs one unit of the item takes. */
    public record Listed(
            long productId,
            String code,
            Product.Kind kind,
            String name,
            boolean omitFromDeliveryNote,
            List<Pick> picks) {}

    /** A SKU to pick, and how many of it one unit of the shop's item takes. */
    public record Pick(long productId, String code, String name, String janCode, String shelfLocation, int quantity) {}

    private final JdbcClient jdbc;

    ListedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The listings of these items at one connection, in two reads whatever the number of items. */
    public Map<Key, Listed> of(long connectionId, Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String[] codes = keys.stream().map(Key::itemCode).distinct().toArray(String[]::new);
        record Row(
                Key key,
                int multiplier,
                long productId,
                String code,
                String kind,
                String name,
                String jan,
                String shelf,
                boolean omit) {}
        List<Row> rows = jdbc
                .sql("select l.item_code, l.variation, l.multiplier, p.id, p.code, p.kind, p.name,"
                        + " p.jan_code, p.shelf_location, p.omit_from_delivery_note"
                        + " from listing l join product p on p.id = l.product_id"
                        + " where l.connection_id = ? and l.item_code = any (?)")
                .params(connectionId, codes)
                .query((rs, n) -> new Row(
                        new Key(rs.getString(1), rs.getString(2)),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)))
                .list()
                .stream()
                .filter(r -> keys.contains(r.key()))
                .toList();
        Long[] sets = rows.stream()
                .filter(r -> "SET".equals(r.kind()))
                .map(Row::productId)
                .distinct()
                .toArray(Long[]::new);
        Map<Long, List<Pick>> components = new HashMap<>();
        if (sets.length > 0) {
            jdbc.sql("select c.set_id, p.id, p.code, p.name, p.jan_code, p.shelf_location, c.quantity"
                            + " from product_set_component c join product p on p.id = c.component_id"
                            + " where c.set_id = any (?) order by p.code")
                    .param(sets)
                    .query(rs -> {
                        components
                                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Pick(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getInt(7)));
                    });
        }
        Map<Key, Listed> listed = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Pick> picks = "SET".equals(r.kind())
                    ? components.getOrDefault(r.productId(), List.of()).stream()
                            .map(p -> new Pick(
                                    p.productId(),
                                    p.code(),
                                    p.name(),
                                    p.janCode(),
                                    p.shelfLocation(),
                                    p.quantity() * r.multiplier()))
                            .toList()
                    : List.of(new Pick(r.productId(), r.code(), r.name(), r.jan(), r.shelf(), r.multiplier()));
            listed.put(
                    r.key(),
                    new Listed(r.productId(), r.code(), Product.Kind.valueOf(r.kind()), r.name(), r.omit(), picks));
        }
        return listed;
    }
}
