/**
 * ホーム: today's and this month's sales against last year, and the day's work — orders per status, alerts, holds,
 * imports, and what other modules offer as {@link jp.juchu.oms.home.WorkItems}.
 */
package jp.juchu.oms.home;
