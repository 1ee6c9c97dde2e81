/**
 * The shop's catalog (商品管理・カテゴリ管理): products with price (tax included), tax rate, up to three
 * variation axes with stock per variation, the category tree, the plan's product limit, and stock taken
 * atomically when an order is placed.
 */
package jp.juchu.shop.catalog;
