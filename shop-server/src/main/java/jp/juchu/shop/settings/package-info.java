/** お店設定: the shop's details, payment methods, shipping fees, delivery dates and points rules that the storefront reads. */
package jp.juchu.shop.settings;
