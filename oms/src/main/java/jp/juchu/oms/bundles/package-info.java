/**
 * 同梱 (shipping a buyer's orders together): candidates found when orders are imported, merged or declined by a
 * person or a rule, and the guard that keeps an undecided candidate from being printed.
 */
package jp.juchu.oms.bundles;
