package jp.juchu.shop.catalog;

import java.util.List;
import java.util.Map;

/**
 * A product as the merchant (or the API) writes it. {@code stock} gives units per variation key; keys the
 * axes do not make are refused, and missing ones count 0.
 */
public record ProductDraft(
        String itemCode,
        String name,
        long price,
        int taxRate,
        boolean unlimitedStock,
        int alertThreshold,
        boolean published,
        String memo,
        List<Product.Axis> axes,
        Map<String, Integer> stock,
        List<String> categoryPaths) {}
