/** The OMS's users (ユーザー) and their roles: admin, staff, viewer. */
package jp.juchu.oms.users;
