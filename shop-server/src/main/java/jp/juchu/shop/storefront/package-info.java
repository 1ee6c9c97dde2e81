/** The shop's storefront: buyers browse, keep a cart, sign in as members and check out. */
package jp.juchu.shop.storefront;
