/** The platform API's keys (認証キー): terms of use, issuing and reissuing the open and manager keys, checking them. */
package jp.juchu.shop.apikeys;
