/**
 * Shipping (出荷): delivery-carrier settings (配達業者設定), shipping-slip CSVs for the carriers' label
 * software (送り状), tracking numbers imported back (伝票番号取込), and their write-back to the shop.
 */
package jp.juchu.oms.shipping;
