/** The storefront's access log per shop (アクセスログ設定): on or off, retention, daily files in the combined log format. */
package jp.juchu.shop.accesslog;
