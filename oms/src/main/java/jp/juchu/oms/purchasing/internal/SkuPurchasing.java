package jp.juchu.oms.purchasing.internal;

/**
 * A SKU's purchasing settings (発注設定), with the SKU's code and name.
 *
 * @param reorderPoint 発注点: free + open purchase orders at or under it makes a suggestion; null: never
 * @param orderUpTo 適正在庫: what a suggestion brings the SKU up to
 * @param lotSize 発注単位: suggestions are multiples of it
 * @param leadTimeDays days to arrival for this SKU; null: the supplier's
 * @param sellInbound 入荷予定を販売可能在庫に含める
 */
public record SkuPurchasing(
        long productId,
        String code,
        String name,
        boolean madeToOrder,
        Long supplierId,
        long purchasePrice,
        Integer reorderPoint,
        Integer orderUpTo,
        int lotSize,
        Integer leadTimeDays,
        boolean sellInbound) {}
