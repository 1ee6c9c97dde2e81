/** Data exchange (データ書出): orders as CSV in the merchant's saved column layouts. */
package jp.juchu.oms.exchange;
