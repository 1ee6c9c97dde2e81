/** The shop's file area: FTP accounts and the FTP server, the files the storefront publishes, directories protected by a password. */
package jp.juchu.shop.files;
