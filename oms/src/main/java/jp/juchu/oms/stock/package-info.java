/**
 * Stock (在庫管理): per SKU on hand, allocated (引当), free, inbound and held, and the ledger (在庫履歴) that explains
 * every change line by line.
 */
package jp.juchu.oms.stock;
