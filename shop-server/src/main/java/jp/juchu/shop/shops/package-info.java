/** Shops on the platform (店舗): shop ID, name, plan limit, and the merchant's admin login. */
package jp.juchu.shop.shops;
