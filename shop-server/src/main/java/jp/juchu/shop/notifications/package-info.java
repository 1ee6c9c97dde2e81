/** Change notifications (変更通知): endpoints a shop registers, an outbox of order events, signed delivery with retries. */
package jp.juchu.shop.notifications;
