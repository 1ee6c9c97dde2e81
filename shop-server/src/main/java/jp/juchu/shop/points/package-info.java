/** 承認待ちポイント: points members earned on orders, approved or refused by the merchant, or approved automatically after shipping. */
package jp.juchu.shop.points;
