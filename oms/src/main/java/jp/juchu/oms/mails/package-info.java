/** Order mails (メール): templates, sending by hand and on a status change, the send log, the SMTP server. */
package jp.juchu.oms.mails;
