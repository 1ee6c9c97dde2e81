/** The audit log (監査ログ): who changed what and when, across the OMS. */
package jp.juchu.oms.audit;
