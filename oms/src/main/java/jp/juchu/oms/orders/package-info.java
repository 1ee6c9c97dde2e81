/** Orders in the back office (受注): what the shops sent, and the merchant's work on them. */
package jp.juchu.oms.orders;
