/** Customers (顧客管理): one customer across orders and shops, blacklist and merging (名寄せ). */
package jp.juchu.oms.customers;
