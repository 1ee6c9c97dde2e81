package jp.juchu.oms.products;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading the product master (商品マスタ). */
@Service
public class Products {

    static final String SELECT = "select id, code, kind, name, tax_rate, sale_price, cost_price, stock_managed,"
            + " release_date, preorder, made_to_order, temperature_zone, size_factor, shelf_location,"
            + " omit_from_delivery_note, active from product";

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A product from a row of {@link #SELECT}, read by its columns' names. Spring's record mapper looks each
     * component up by its lower-cased name first and catches the driver's exception before it tries the column's
     * name: a dozen exceptions a product, and every page of an import reads its products twice (in a first import of
     * 100,000 orders, 120 of the 162 MB the OMS allocated for such exceptions).
     */
    static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getLong("id"),
                rs.getString("code"),
                Product.Kind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getInt("tax_rate"),
                rs.getLong("sale_price"),
                rs.getLong("cost_price"),
                rs.getBoolean("stock_managed"),
                rs.getObject("release_date", LocalDate.class),
                rs.getBoolean("preorder"),
                rs.getBoolean("made_to_order"),
                rs.getString("temperature_zone"),
                rs.getInt("size_factor"),
                rs.getString("shelf_location"),
                rs.getBoolean("omit_from_delivery_note"),
                rs.getBoolean("active"));
    }

    public Optional<Product> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(Products::product)
                .optional();
    }

    /** These products (SKU or set) that exist, by id, read in one query. */
    public Map<Long, Product> findAll(Collection<Long> ids) {
        Map<Long, Product> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT + " where id = any (?)")
                    .param(ids.toArray(Long[]::new))
                    .query(Products::product)
                    .list()
                    .forEach(product -> found.put(product.id(), product));
        }
        return found;
    }

    public Optional<Product> byCode(String code) {
        return jdbc.sql(SELECT + " where code = ?")
                .param(code)
                .query(Products::product)
                .optional();
    }

    /** The codes of these products (SKU or set) that exist, by id. */
    public Map<Long, String> codes(Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, code from product where id = any (?)")
                    .param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        codes.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return codes;
    }

    /** The SKUs a set is made of, with the quantity of each in one set; empty for a SKU. */
    public List<Component> components(long setId) {
        return jdbc.sql("select c.component_id as product_id, p.code, c.quantity from product_set_component c"
                        + " join product p on p.id = c.component_id where c.set_id = ? order by p.code")
                .param(setId)
                .query(Component.class)
                .list();
    }

    /**
     * Moves a product to another shelf location (棚番), as 入出庫管理's 棚移動 does; the one write of the master other
     * modules make, so that its table stays the products module's own.
     *
     * @return the location before, or null when it had none
     */
    public String relocate(long productId, String location) {
        String before = jdbc.sql("select shelf_location from product where id = ? for update")
                .param(productId)
                .query(String.class)
                .optional()
                .orElse(null);
        jdbc.sql("update product set shelf_location = ?, updated_at = now() where id = ?")
                .params(location, productId)
                .update();
        return before;
    }

    /** A SKU and how many of it one unit of something (a set, a shop's item) takes. */
    public record Component(long productId, String code, int quantity) {}
}
