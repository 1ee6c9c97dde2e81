/**
 * Automatic processing (自動処理): the merchant's rules that route and enrich each order the moment it is imported —
 * conditions in nested ALL / ANY groups, ordered actions through the one order workflow, a simulation that writes
 * nothing, and a log of every application.
 */
package jp.juchu.oms.rules;
