/**
 * Stock sync (在庫連携): each shop's listings get their share of the free stock pushed to the shop whenever it changes
 * (an outbox drained by a worker), compared in full once a day, with the shop's conditional stock update so that no
 * sale at the shop is overwritten.
 */
package jp.juchu.oms.stocksync;
