/**
 * The shop's customers (顧客管理): members with their points (ポイント) and ledger, guests as they appear
 * in orders, and product reviews (商品レビュー).
 */
package jp.juchu.shop.customers;
