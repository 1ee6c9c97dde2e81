package jp.juchu.oms.rules;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fresh OMS starts with example rules, switched off, that mirror what merchants set up first (備考あり・ブラックリスト・
 * 複数お届け先・郵便番号の不一致 → 確認 / 保留; 銀行振込・コンビニ未入金 → 入金待ち; それ以外 → 出荷待ち). The demo
 * switches them and automatic processing on.
 */
@Component
class ExampleRules {

    static final String ACTOR = "システム (初期設定)";

    private final JdbcClient jdbc;
    private final RuleBook rules;
    private final boolean demo;

    /**
     * @param demo the demo is on ({@code oms.demo.enabled}) and wants the rules ({@code oms.demo.rules}, on unless a
     *     test of the manual workspace turns it off)
     */
    ExampleRules(
            JdbcClient jdbc,
            RuleBook rules,
            @Value("${oms.demo.enabled:false}") boolean demo,
            @Value("${oms.demo.rules:true}") boolean demoRules) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.demo = demo && demoRules;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void writeOnce() {
        int claimed = jdbc.sql("update auto_rule_setting set examples_written = true, enabled = enabled or ?"
                        + " where id = 1 and not examples_written")
                .param(demo)
                .update();
        if (claimed == 0) {
            return;
        }
        for (RuleBook.Draft draft : drafts(demo)) {
            rules.create(draft, ACTOR);
        }
    }

    static List<RuleBook.Draft> drafts(boolean enabled) {
        return List.of(
                route(
                        "ブラックリストの顧客 → 保留",
                        enabled,
                        Condition.test(Field.BLACKLISTED, Operator.IS_TRUE),
                        new Action(Action.Kind.HOLD, "ブラックリストの顧客の注文です")),
                route(
                        "備考あり → 確認待ち",
                        enabled,
                        Condition.test(Field.REMARKS, Operator.NOT_EMPTY),
                        new Action(Action.Kind.CONFIRM, "備考欄を確認してください")),
                route(
                        "複数のお届け先 → 確認待ち",
                        enabled,
                        Condition.test(Field.DESTINATIONS, Operator.AT_LEAST, "2"),
                        new Action(Action.Kind.CONFIRM, "お届け先が複数あります")),
                route(
                        "郵便番号と住所の不一致 → 確認待ち",
                        enabled,
                        Condition.test(Field.POSTAL_MISMATCH, Operator.IS_TRUE),
                        new Action(Action.Kind.CONFIRM, "郵便番号と都道府県が合いません")),
                route(
                        "銀行振込・コンビニの未入金 → 入金待ち",
                        enabled,
                        Condition.all(List.of(
                                Condition.test(
                                        Field.PAYMENT_METHOD, Operator.ONE_OF, "BankTransfer", "ConvenienceStore"),
                                Condition.test(Field.PAYMENT_STATUS, Operator.EQUALS, "Unpaid"))),
                        new Action(Action.Kind.MOVE_STATUS, "AWAITING_PAYMENT")),
                route(
                        "それ以外 → 出荷待ち",
                        enabled,
                        Condition.all(List.of()),
                        new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP")));
    }

    private static RuleBook.Draft route(String name, boolean enabled, Condition condition, Action action) {
        return new RuleBook.Draft(
                name,
                enabled,
                Rule.Mode.AUTO,
                List.of(),
                Rule.Trigger.ON_IMPORT,
                "NEW",
                Rule.Phase.ROUTE,
                false,
                condition.grouped() ? condition : Condition.all(List.of(condition)),
                List.of(action));
    }
}
