/**
 * 操作マニュアル: the manual inside the app, in Japanese — a chapter per menu with the screenshots the browser tests
 * take, searchable, and the target of every page's help link (?).
 */
package jp.juchu.oms.manual;
