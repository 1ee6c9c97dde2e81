/**
 * Products (商品管理): the SKU master, set products (セット商品) and each shop's listings (商品対応表) that say which
 * SKUs a shop's item is.
 */
package jp.juchu.oms.products;
