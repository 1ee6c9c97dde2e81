/**
 * Purchasing (発注処理): suppliers, each SKU's reorder settings, reorder suggestions, purchase orders with their PDF,
 * CSV and e-mail, and receiving (入荷) into the stock ledger.
 */
package jp.juchu.oms.purchasing;
