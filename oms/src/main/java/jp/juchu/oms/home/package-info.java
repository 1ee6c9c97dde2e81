/** The home page (ホーム): what needs the merchant's attention today. */
package jp.juchu.oms.home;
