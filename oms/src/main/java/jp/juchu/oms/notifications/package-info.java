/** Change notifications from the shops (変更通知): the OMS's endpoint, its registration, verification and replay guard. */
package jp.juchu.oms.notifications;
