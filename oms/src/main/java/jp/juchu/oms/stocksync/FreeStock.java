package jp.juchu.oms.stocksync;

import java.util.List;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockLevel;
import org.springframework.stereotype.Component;

/** The free stock a listing's rule starts from: the SKU's, or for a set the sets its components still make. */
@Component
class FreeStock {

    private final Products products;
    private final StockLedger ledger;

    FreeStock(Products products, StockLedger ledger) {
        this.products = products;
        this.ledger = ledger;
    }

    long of(long productId) {
        Product product = products.find(productId).orElse(null);
        if (product == null) {
            return 0;
        }
        if (product.kind() == Product.Kind.SET) {
            List<Products.Component> components = products.components(productId);
            if (components.isEmpty()) {
                return 0;
            }
            long sets = Long.MAX_VALUE;
            for (Products.Component c : components) {
                sets = Math.min(sets, Math.floorDiv(sku(c.productId()), c.quantity()));
            }
            return sets;
        }
        return sku(productId);
    }

    String code(long productId) {
        return products.find(productId).map(Product::code).orElse("?");
    }

    private long sku(long productId) {
        return ledger.level(productId).map(StockLevel::free).orElse(0);
    }
}
