package jp.juchu.shop.catalog;

import java.util.List;

/** One page of a product list and how many products the filter matches in all. */
public record ProductPage(List<Product> products, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
