/** Orders placed at the shops (受注): the order record, its three states, and the order API. */
package jp.juchu.shop.orders;
