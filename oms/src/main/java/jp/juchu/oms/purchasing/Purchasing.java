package jp.juchu.oms.purchasing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Purchasing for other modules: which supplier a product is bought from (the sales report by supplier). */
@Service
public class Purchasing {

    /** A supplier as a report names it. */
    public record SupplierRef(String code, String name) {}

    private final JdbcClient jdbc;

    Purchasing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The supplier of each of these product codes that has one (a set: none). */
    public Map<String, SupplierRef> suppliersOf(Collection<String> productCodes) {
        Map<String, SupplierRef> found = new HashMap<>();
        if (productCodes.isEmpty()) {
            return found;
        }
        jdbc.sql("select p.code, s.code, s.name from product p join product_purchasing pp on pp.product_id = p.id"
                        + " join supplier s on s.id = pp.supplier_id where p.code = any (?)")
                .param(productCodes.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), new SupplierRef(rs.getString(2), rs.getString(3)));
                });
        return found;
    }
}
