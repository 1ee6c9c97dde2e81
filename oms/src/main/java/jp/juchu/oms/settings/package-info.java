/** Settings (各種設定): the settings list and initial-setup wizard, contractor info, mall selection. */
package jp.juchu.oms.settings;
