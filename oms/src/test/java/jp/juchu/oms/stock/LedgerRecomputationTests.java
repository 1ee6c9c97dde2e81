package jp.juchu.oms.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.TransitionRefused;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class LedgerRecomputationTests {

    static final Actor ADMIN = Actor.person("在庫 担当", true);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    StockCheck check;

    @Test
    void theTotalsEqualTheLedgerAndTheOrderLinesAfterALongRandomSequence() {
        StockFixture fx = new StockFixture(jdbc, orders, ledger, tx);
        Random random = new Random(42);
        String tag = "R" + StockFixture.unique();
        List<String> codes = new ArrayList<>();
        List<Long> skus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(tag + "-" + i);
            skus.add(fx.sku(tag + "-" + i, 5 + random.nextInt(10)));
        }
        codes.add(tag + "-SET");
        fx.set(tag + "-SET", skus.get(0), 2, skus.get(1), 1);
        List<Long> placed = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        OffsetDateTime t = OffsetDateTime.now().minusDays(2);
        for (int step = 0; step < 250; step++) {
            int op = random.nextInt(10);
            try {
                if (op < 4 || placed.isEmpty()) {
                    String serial = tag + "-o" + step;
                    placed.add(fx.order(serial, t.plusMinutes(step), items(random, codes)));
                    serials.add(serial);
                } else {
                    int pick = random.nextInt(placed.size());
                    long order = placed.get(pick);
                    switch (op) {
                        case 4 -> workflow.move(order, "CANCELLED", ADMIN, false);
                        case 5 ->
                            fx.order(serials.get(pick), t.plusMinutes(pick), "New", "v" + step, items(random, codes));
                        case 6 -> {
                            workflow.move(order, "READY_TO_SHIP", ADMIN, false);
                            workflow.move(order, "SHIPPED", ADMIN, false);
                        }
                        case 7 -> workflow.move(order, "NEW", ADMIN, false);
                        case 8 ->
                            ledger.book(List.of(new StockMovement(
                                    skus.get(random.nextInt(skus.size())),
                                    "RECEIVE",
                                    1 + random.nextInt(6),
                                    0,
                                    null,
                                    null,
                                    "入荷",
                                    "テスト")));
                        default -> workflow.move(order, "READY_TO_SHIP", ADMIN, false);
                    }
                }
            } catch (TransitionRefused | IllegalArgumentException refused) {
                // the workflow refused a move this order's status does not allow: nothing changed
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from order_allocation where state = 'PENDING'"
                                        + " and order_id = any (?)")
                                .param(placed.toArray(Long[]::new))
                                .query(Long.class)
                                .single()
                        == 0);

        StockCheck.Result result = check.run();
        for (String code : codes) {
            assertThat(result.detail()).doesNotContain(code + ":");
        }
        // every kind of movement happened
        assertThat(jdbc.sql("select distinct l.kind from stock_ledger l join product p on p.id = l.product_id"
                                + " where p.code like ?")
                        .param(tag + "%")
                        .query(String.class)
                        .list())
                .contains("ALLOCATE", "RELEASE", "SHIP", "RECEIVE");
    }

    private static StockFixture.Item[] items(Random random, List<String> codes) {
        int n = 1 + random.nextInt(3);
        StockFixture.Item[] items = new StockFixture.Item[n];
        for (int i = 0; i < n; i++) {
            items[i] = new StockFixture.Item(
                    1 + random.nextInt(2), codes.get(random.nextInt(codes.size())), 1 + random.nextInt(3));
        }
        return items;
    }
}
