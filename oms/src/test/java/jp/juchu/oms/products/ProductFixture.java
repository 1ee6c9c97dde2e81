package jp.juchu.oms.products;

import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.oms.products.internal.ProductDraft;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Products and shops for the products tests, each with codes no other test uses. */
final class ProductFixture {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000);

    private ProductFixture() {}

    static String code(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    static ProductDraft sku(String code, String name) {
        ProductDraft b = ProductDraft.blank(Product.Kind.SKU);
        return new ProductDraft(
                code,
                Product.Kind.SKU,
                name,
                null,
                null,
                null,
                null,
                "4901234567894",
                "M-1",
                8,
                1080L,
                500L,
                true,
                null,
                false,
                false,
                "NORMAL",
                1,
                "A-01",
                false,
                null,
                null,
                null,
                b.active());
    }

    static ProductDraft set(String code, String name) {
        ProductDraft b = ProductDraft.blank(Product.Kind.SET);
        return new ProductDraft(
                code,
                Product.Kind.SET,
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                8,
                3000L,
                0L,
                false,
                null,
                false,
                false,
                "NORMAL",
                2,
                null,
                false,
                null,
                null,
                null,
                b.active());
    }

    /** A Shop Serve shop the OMS knows (no keys: nothing calls it). */
    static long shop(JdbcClient jdbc) {
        return jdbc.sql("insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)"
                        + " values ('SHOP_SERVE', ?, false, false, 'OK') returning id")
                .param(code("shop"))
                .query(Long.class)
                .single();
    }
}
