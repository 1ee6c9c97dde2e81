/** The shops' mail addresses (メールアドレス追加): forwarding, the mailbox shown in the admin, and the SMTP server that receives them. */
package jp.juchu.shop.mailboxes;
