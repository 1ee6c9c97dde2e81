/** Deleting order data (受注データ削除) by shop and order date, and resetting it all (データリセット). Admins only. */
package jp.juchu.oms.maintenance;
