package jp.juchu.oms.rules;

import java.time.OffsetDateTime;

/**
 * One application of a rule to an order (実行履歴), with the rule's name and version as they were then.
 *
 * @param outcome APPLIED, QUEUED (waiting for a person: 確認して実行) or SKIPPED (a move the workflow refused, or a
 *     person skipped it)
 */
public record RuleRun(
        OffsetDateTime at,
        long ruleId,
        String ruleName,
        int ruleVersion,
        long orderId,
        String orderNumber,
        String outcome,
        String summary,
        String actor) {}
