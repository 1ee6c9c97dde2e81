/**
 * 売上データ: sales facts kept from the order events (per day, shop, product, prefecture, payment method, carrier),
 * the reports with charts and CSV, goals and the fees of the profit report (収支).
 */
package jp.juchu.oms.sales;
