/** The admin top (管理画面トップ): this month's goal and sales, unprocessed orders, stock check, usage. */
package jp.juchu.shop.dashboard;
