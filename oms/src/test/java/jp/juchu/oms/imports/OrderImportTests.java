package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.imports.OrderImport.Outcome;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.malls.ConnectionStatus;
import jp.juchu.oms.malls.MallConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each failure rule of the import, against a shop over HTTP that misbehaves on cue. */
@SpringBootTest(
        properties = {
            "oms.imports.page-size=10",
            // a transaction per page, two at once: the runs below write concurrently
            "oms.imports.orders-per-commit=10",
            "oms.imports.backoff-base=10ms",
            "oms.imports.backoff-max=40ms",
            "oms.imports.max-attempts=4",
            "oms.malls.read-timeout=1s"
        })
class OrderImportTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    OrderImport imports;

    @Autowired
    ConnectionSetup setup;

    @Autowired
    MallConnections connections;

    @Autowired
    ImportRecords records;

    @Autowired
    JdbcClient jdbc;

    FakeShop shop;
    long connectionId;

    @BeforeEach
    void connect() throws Exception {
        shop = new FakeShop("fake" + SHOPS.incrementAndGet());
        ConnectionSetup.Result result = setup.verifyAndSave(null, settings(shop));
        assertThat(result.problems()).isEmpty();
        connectionId = result.connection().id();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    /** Automatic fetch off, so that only the test starts runs. */
    static ConnectionSettings settings(FakeShop shop) {
        return new ConnectionSettings(
                shop.shopId(), shop.openKey(), shop.managerKey(), 7, false, 30, shop.managementUrl(), shop.itemUrl());
    }

    @Test
    void firstRunImportsTheLastDaysAndASecondRunChangesNothing() {
        placeOrders(25, 1);
        shop.placeHistoric("old-1", FakeShop.now().minusDays(10));
        shop.placeHistoric("six-days", FakeShop.now().minusDays(6));

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(serials()).hasSize(26).contains("six-days").doesNotContain("old-1");
        ImportRun first = latestRun();
        assertThat(first.created()).isEqualTo(26);

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        ImportRun second = latestRun();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(second.fetched());
        assertThat(serials()).hasSize(26);
    }

    @Test
    void theOrderKeptIsTheShopsOrderWithItsKeysSortedAndItsContentHashIsTheHashOfExactlyThatText() {
        shop.place("kept", FakeShop.now().minusHours(1), 2);

        imports.run(connectionId, ImportTrigger.MANUAL);

        Map<String, Object> row =
                jdbc.sql("""
                        select payload::text as payload, content_hash,
                               encode(sha256(convert_to(payload::text, 'UTF8')), 'hex') as hash_of_payload,
                               payload::jsonb = ?::jsonb as same_content
                        from oms_order where serial_code = 'kept'
                        """).param(shop.orderJson("kept")).query().singleRow();
        assertThat(row.get("same_content")).isEqualTo(true);
        assertThat(row.get("hash_of_payload")).isEqualTo(row.get("content_hash"));
        // written by the database for a new order (V350): the hash every other path computes, and a run compares with
        assertThat(row.get("content_hash"))
                .isEqualTo(jp.juchu.oms.orders.IncomingOrder.contentHash(
                        ((String) row.get("payload")).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String payload = (String) row.get("payload");
        assertThat(payload.indexOf("\"buyer\"")).isLessThan(payload.indexOf("\"deliveries\""));
        assertThat(payload.indexOf("\"deliveries\"")).isLessThan(payload.indexOf("\"serial_code\""));
    }

    @Test
    void anOrderRowOverTwoKilobytesKeepsItsPayloadUncompressedInTheRow() {
        shop.place("wide", FakeShop.now().minusHours(1), 3);

        imports.run(connectionId, ImportTrigger.MANUAL);

        Map<String, Object> row = jdbc.sql("""
                        select pg_column_size(o.*) as row_bytes, pg_column_compression(o.payload) as compression,
                               pg_column_size(o.payload) >= octet_length(o.payload::text) as inline_as_it_is
                        from oms_order o where serial_code = 'wide'
                        """).query().singleRow();
        // PostgreSQL's default (2 kB) would have compressed this row's payload as it was written (V348)
        assertThat((Integer) row.get("row_bytes")).isGreaterThan(2032);
        assertThat(row.get("compression")).isNull();
        assertThat(row.get("inline_as_it_is")).isEqualTo(true);
    }

    @Test
    void firstRunTakesOrdersPlacedOrChangedWithinTheDays() {
        shop.placeHistoric("ancient", FakeShop.now().minusDays(40));
        shop.change("ancient", body -> {});
        shop.placeHistoric("recent", FakeShop.now().minusDays(1));
        shop.placeHistoric("untouched", FakeShop.now().minusDays(40));

        imports.run(connectionId, ImportTrigger.MANUAL);

        // "placed or changed" since the window: an old order changed today comes along
        assertThat(serials()).containsExactlyInAnyOrder("ancient", "recent");
    }

    @Test
    void changeAtTheShopUpdatesShopFieldsKeepsTheMerchantsWorkAndWritesHistory() {
        shop.place("c1", FakeShop.now().minusHours(2), 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        jdbc.sql("update oms_order set memo = '電話確認済み', workflow_status = 'CONFIRMING' where serial_code = 'c1'")
                .update();

        shop.change("c1", body -> {
            body.put("payment_status", "Paid");
            ((tools.jackson.databind.node.ObjectNode) body.get("deliveries").get(0)).put("address1", "大阪市北区梅田9-9-9");
        });
        imports.run(connectionId, ImportTrigger.MANUAL);

        Map<String, Object> row = jdbc.sql(
                        "select shop_payment_status, memo, workflow_status, alert from oms_order where serial_code = 'c1'")
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("shop_payment_status", "Paid")
                .containsEntry("memo", "電話確認済み")
                .containsEntry("workflow_status", "CONFIRMING");
        assertThat(java.util.Objects.toString(row.get("alert"), ""))
                .as("a change before shipping work started raises no shop-change alert")
                .doesNotContain("ショップで");
        assertThat(history("c1"))
                .anySatisfy(
                        h -> assertThat(h).contains("入金ステータス: Unpaid → Paid").contains("お届け先"));
        assertThat(latestRun().updated()).isEqualTo(1);
    }

    @Test
    void cancellationAfterShippingStartedPutsAnAlertOnTheOrder() {
        shop.place("s1", FakeShop.now().minusHours(3), 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        jdbc.sql("update oms_order set workflow_status = 'PRINTED' where serial_code = 's1'")
                .update();

        shop.change("s1", body -> body.put("order_status", "Cancelled"));
        imports.run(connectionId, ImportTrigger.MANUAL);

        Map<String, Object> row = jdbc.sql(
                        "select workflow_status, alert, shop_order_status from oms_order where serial_code = 's1'")
                .query()
                .singleRow();
        assertThat(row).containsEntry("workflow_status", "PRINTED").containsEntry("shop_order_status", "Cancelled");
        assertThat((String) row.get("alert")).contains("出荷作業の開始後").contains("キャンセル");
    }

    @Test
    void firstImportOfAShopWithHistoryEntersFinishedOrdersShippedAndCancelledOnesCancelled() {
        shop.place("open", FakeShop.now().minusDays(2), 1);
        shop.place("shipped", FakeShop.now().minusDays(3), 1);
        shop.change("shipped", body -> {
            body.put("shipping_status", "Shipped");
            var shipping = ((tools.jackson.databind.node.ObjectNode)
                            body.get("deliveries").get(0))
                    .putObject("shipping");
            shipping.put("carrier", "Yamato");
            shipping.put("tracking_number", "123412341234");
            shipping.put(
                    "shipped_date", FakeShop.now().minusDays(2).toLocalDate().toString());
        });
        shop.place("completed", FakeShop.now().minusDays(4), 1);
        shop.change("completed", body -> body.put("order_status", "Completed"));
        shop.place("cancelled", FakeShop.now().minusDays(1), 1);
        shop.change("cancelled", body -> body.put("order_status", "Cancelled"));

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat(workflowStatuses())
                .containsEntry("open", "NEW")
                .containsEntry("shipped", "SHIPPED")
                .containsEntry("completed", "SHIPPED")
                .containsEntry("cancelled", "CANCELLED");
        // one line of history: where the order came from and the status it arrived in
        assertThat(history("shipped"))
                .singleElement()
                .asString()
                .startsWith("ショップから取り込みました (受注番号 ")
                .endsWith("円)。ステータス: 出荷済み (ショップで出荷・完了済みの受注として取り込み)");
        assertThat(history("cancelled"))
                .singleElement()
                .asString()
                .endsWith("円)。ステータス: キャンセル (ショップでキャンセル済みの受注として取り込み)");
    }

    @Test
    void withTheSettingOffFinishedOrdersEnterAsNewButCancelledOnesStillCancelled() {
        connections.setFinishedAsShipped(connectionId, false);
        shop.place("done", FakeShop.now().minusDays(3), 1);
        shop.change("done", body -> body.put("order_status", "Completed"));
        shop.place("gone", FakeShop.now().minusDays(1), 1);
        shop.change("gone", body -> body.put("order_status", "Cancelled"));

        imports.run(connectionId, ImportTrigger.MANUAL);

        assertThat(workflowStatuses()).containsEntry("done", "NEW").containsEntry("gone", "CANCELLED");
    }

    @Test
    void anOrderTheShopCancelsLaterMovesToCancelledUnlessPrintingStarted() {
        shop.place("later", FakeShop.now().minusHours(3), 1);
        imports.run(connectionId, ImportTrigger.MANUAL);

        shop.change("later", body -> body.put("order_status", "Cancelled"));
        imports.run(connectionId, ImportTrigger.MANUAL);

        Map<String, Object> row = jdbc.sql("select workflow_status, alert from oms_order where serial_code = 'later'"
                        + " and connection_id = ?")
                .param(connectionId)
                .query()
                .singleRow();
        assertThat(row).containsEntry("workflow_status", "CANCELLED");
        assertThat((String) row.get("alert")).contains("ショップでキャンセルされました");
    }

    private Map<String, String> workflowStatuses() {
        Map<String, String> statuses = new java.util.HashMap<>();
        jdbc.sql("select serial_code, workflow_status from oms_order where connection_id = ?")
                .param(connectionId)
                .query(rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        return statuses;
    }

    @Test
    void orderWithSeveralDestinationsImportsAsOneOrderWithSeveralShipments() {
        shop.place("m1", FakeShop.now().minusHours(1), 3);
        imports.run(connectionId, ImportTrigger.MANUAL);

        assertThat(serials()).containsExactly("m1");
        assertThat(jdbc.sql(
                                "select count(*) from shipment s join oms_order o on o.id = s.order_id where o.serial_code = 'm1' and o.connection_id = ?")
                        .param(connectionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void refusedKeyMarksTheConnectionKeyInvalidAndStopsRetrying() {
        placeOrders(3, 1);
        shop.reissueManagerKey("a-new-key");
        int before = shop.requests();

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.KEY_INVALID);

        assertThat(shop.requests() - before).isEqualTo(1);
        assertThat(connections.find(connectionId).orElseThrow().status()).isEqualTo(ConnectionStatus.KEY_INVALID);
        assertThat(records.suspended(connectionId)).isTrue();
        assertThat(records.watermark(connectionId)).isEmpty();
        assertThat(serials()).isEmpty();
    }

    @Test
    void newKeyRestoresTheConnectionAndNothingIsLostOrDoubled() {
        placeOrders(12, 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        shop.reissueManagerKey("manager-key-2");
        placeOrders(5, 1);
        imports.run(connectionId, ImportTrigger.MANUAL);

        ConnectionSettings renewed = new ConnectionSettings(
                connections.find(connectionId).orElseThrow().shopId(),
                null,
                "manager-key-2",
                7,
                false,
                30,
                shop.managementUrl(),
                shop.itemUrl());
        assertThat(setup.verifyAndSave(connectionId, renewed).problems()).isEmpty();
        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat(serials()).hasSize(17).doesNotHaveDuplicates();
        assertThat(connections.find(connectionId).orElseThrow().status()).isEqualTo(ConnectionStatus.OK);
        assertThat(records.suspended(connectionId)).isFalse();
    }

    @Test
    void rateLimitIsWaitedOutAsTheShopAsks() {
        placeOrders(5, 1);
        shop.fault(FakeShop.Fault.RATE_LIMITED);
        long started = System.nanoTime();

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1000);
        assertThat(serials()).hasSize(5);
    }

    @Test
    void burstOfServerErrorsTimeoutAndResetAreRetried() {
        placeOrders(25, 1);
        shop.fault(FakeShop.Fault.SERVER_ERROR, FakeShop.Fault.SERVER_ERROR);
        shop.beforePage(from -> {
            if (from == 10) {
                shop.beforePage(f -> {});
                shop.fault(FakeShop.Fault.RESET, FakeShop.Fault.SLOW);
            }
        });

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(serials()).hasSize(25);
    }

    @Test
    void outageThatOutlastsTheRetriesFailsTheRunAndKeepsTheWatermark() {
        placeOrders(5, 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        OffsetDateTime watermark = records.watermark(connectionId).orElseThrow();
        placeOrders(25, 1);
        // the second page never comes: pages before it are committed, the watermark stays
        shop.beforePage(from -> {
            if (from >= 10) {
                shop.fault(
                        FakeShop.Fault.SERVER_ERROR,
                        FakeShop.Fault.SERVER_ERROR,
                        FakeShop.Fault.SERVER_ERROR,
                        FakeShop.Fault.SERVER_ERROR);
            }
        });

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.FAILED);

        assertThat(records.watermark(connectionId)).contains(watermark);
        assertThat(latestRun().status()).isEqualTo("FAILED");
        assertThat(connections.find(connectionId).orElseThrow().status()).isEqualTo(ConnectionStatus.ERROR);
        shop.beforePage(from -> {});
        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(serials()).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void malformedOrderIsQuarantinedWhileTheRestImportAndIsImportedOnceFixed() {
        placeOrders(4, 1);
        shop.place("bad-1", FakeShop.now().minusHours(1), 1);
        shop.corrupt("bad-1");

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(serials()).hasSize(4).doesNotContain("bad-1");
        assertThat(records.quarantined(connectionId)).singleElement().satisfies(q -> {
            assertThat(q.orderKey()).isEqualTo("bad-1");
            assertThat(q.reason()).contains("amounts");
            assertThat(q.payload()).contains("broken");
        });
        assertThat(latestRun().quarantined()).isEqualTo(1);

        shop.change("bad-1", body -> body.set("amounts", fixedAmounts(body)));
        imports.run(connectionId, ImportTrigger.MANUAL);

        assertThat(serials()).contains("bad-1");
        assertThat(records.quarantined(connectionId)).isEmpty();
    }

    @Test
    void anOrderWithANulCharacterOrATextLongerThanItsColumnIsQuarantinedAloneWithTheFieldNamed() {
        placeOrders(3, 1);
        shop.place("nul-1", FakeShop.now().minusHours(1), 1);
        shop.change(
                "nul-1",
                body -> ((tools.jackson.databind.node.ObjectNode) body.get("buyer")).put("name", "山田\u0000太郎"));
        shop.place("long-1", FakeShop.now().minusHours(1), 1);
        shop.change(
                "long-1",
                body -> ((tools.jackson.databind.node.ObjectNode)
                                body.get("deliveries").get(0))
                        .put("phone", "0".repeat(31)));

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat(serials()).hasSize(3).doesNotContain("nul-1", "long-1");
        assertThat(records.quarantined(connectionId))
                .extracting(q -> q.orderKey() + ": " + q.reason())
                .containsExactlyInAnyOrder(
                        "nul-1: name に使えない文字 (NUL) があります", "long-1: deliveries[1].phone が長すぎます (30 文字まで)");
    }

    @Test
    void aNulInAFieldTheOmsDoesNotReadOrASerialCodeThatCannotBeAKeyQuarantinesTheOrderAloneAndNeverTheRun() {
        placeOrders(2, 1);
        shop.place("extra-nul", FakeShop.now().minusHours(1), 1);
        shop.change(
                "extra-nul",
                body -> ((tools.jackson.databind.node.ObjectNode)
                                body.get("deliveries").get(0))
                        .put("gift_message", "お祝い\u0000"));
        String longSerial = "s".repeat(120);
        shop.place(longSerial, FakeShop.now().minusHours(1), 1);
        shop.place("nul\u0000serial", FakeShop.now().minusHours(1), 1);

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        // and again: a quarantined order is seen again, never failing its page
        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat(serials()).hasSize(2);
        assertThat(records.quarantined(connectionId))
                .extracting(q ->
                        q.orderKey().startsWith("sha256:") ? "sha256: " + q.reason() : q.orderKey() + ": " + q.reason())
                .containsExactlyInAnyOrder(
                        "extra-nul: deliveries[1].gift_message に使えない文字 (NUL) があります",
                        "sha256: serial_code が長すぎます (64 文字まで)",
                        "sha256: serial_code に使えない文字 (NUL) があります");
    }

    @Test
    void orderChangedWhileTheRunPagesIsNotLost() {
        placeOrders(25, 1);
        // between page 1 and page 2 the shop changes an order of page 1 and places a new one
        shop.beforePage(from -> {
            if (from == 10) {
                shop.beforePage(f -> {});
                shop.change("o-3", body -> body.put("payment_status", "Paid"));
                shop.place("late-1", FakeShop.now(), 1);
            }
        });
        imports.run(connectionId, ImportTrigger.MANUAL);
        imports.run(connectionId, ImportTrigger.MANUAL);

        assertThat(serials()).hasSize(26).doesNotHaveDuplicates().contains("late-1");
        assertThat(jdbc.sql("select shop_payment_status from oms_order where serial_code = 'o-3' and connection_id = ?")
                        .param(connectionId)
                        .query(String.class)
                        .single())
                .isEqualTo("Paid");
    }

    @Test
    void cursorPagingReadsEveryOrderOnceWhileOrdersChange() {
        shop.offerCursor();
        placeOrders(35, 1);
        shop.beforePage(from -> {
            if (from == 10) {
                shop.beforePage(f -> {});
                shop.change("o-2", body -> body.put("payment_status", "Paid"));
                shop.place("late-2", FakeShop.now(), 1);
            }
        });

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);
        imports.run(connectionId, ImportTrigger.MANUAL);

        assertThat(serials()).hasSize(36).doesNotHaveDuplicates().contains("late-2");
        assertThat(records.runs(connectionId, 2).get(1).totalCount()).isEqualTo(35);
    }

    @Test
    void rereadingAnUnchangedWindowListsItWithoutReadingAnyOrderInFull() {
        shop.offerCursor();
        placeOrders(25, 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        int fullPages = shop.fullPages();

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        assertThat(shop.fullPages()).isEqualTo(fullPages);
        assertThat(latestRun().unchanged()).isEqualTo(25);
    }

    @Test
    void aPageWhoseListingShowsAChangeIsReadInFullAndTheChangeApplied() {
        shop.offerCursor();
        placeOrders(35, 1);
        imports.run(connectionId, ImportTrigger.MANUAL);
        int fullPages = shop.fullPages();
        shop.change("o-13", body -> body.put("payment_status", "Paid"));

        assertThat(imports.run(connectionId, ImportTrigger.MANUAL)).isEqualTo(Outcome.SUCCEEDED);

        // page 2 (o-10..o-19) is read again in full, and page 3 after it; pages 1 and 4 only listed
        assertThat(shop.fullPages() - fullPages).isEqualTo(2);
        assertThat(latestRun().updated()).isEqualTo(1);
        assertThat(latestRun().unchanged()).isEqualTo(34);
        assertThat(jdbc.sql(
                                "select shop_payment_status from oms_order where serial_code = 'o-13' and connection_id = ?")
                        .param(connectionId)
                        .query(String.class)
                        .single())
                .isEqualTo("Paid");
    }

    @Test
    void aPollEveryMinuteListsItsLastMinutesReadsInFullOnlyWhatChangedAndASweepCatchesLateCommits() {
        shop.offerCursor();
        for (int i = 0; i < 30; i++) {
            shop.placeHistoric("h-" + i, FakeShop.now().minusMinutes(5).plusSeconds(i));
        }
        assertThat(imports.run(connectionId, ImportTrigger.SCHEDULED)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(serials()).hasSize(30);

        // nothing changed: one listing of the last minute, no order read in full
        for (int poll = 0; poll < 3; poll++) {
            int basic = shop.basicPages();
            int full = shop.fullPages();
            assertThat(imports.run(connectionId, ImportTrigger.SCHEDULED)).isEqualTo(Outcome.SUCCEEDED);
            assertThat(shop.basicPages() - basic).isEqualTo(1);
            assertThat(shop.fullPages() - full).isZero();
            assertThat(latestRun().unchanged()).isZero();
        }

        // a new order: its page listed, then read in full
        shop.place("new-1", FakeShop.now(), 1);
        int basic = shop.basicPages();
        int full = shop.fullPages();
        imports.run(connectionId, ImportTrigger.SCHEDULED);
        assertThat(shop.basicPages() - basic).isEqualTo(1);
        assertThat(shop.fullPages() - full).isEqualTo(1);
        assertThat(latestRun().created()).isEqualTo(1);

        // an order committed at the shop long after its updated_at (3 minutes before): the polls do not reach back
        // that far, the next sweep does
        shop.placeHistoric("late-1", FakeShop.now().minusMinutes(3));
        imports.run(connectionId, ImportTrigger.SCHEDULED);
        assertThat(serials()).doesNotContain("late-1");
        jdbc.sql("update import_state set swept_to = swept_to - interval '11 minutes' where connection_id = ?")
                .param(connectionId)
                .update();
        basic = shop.basicPages();
        full = shop.fullPages();

        imports.run(connectionId, ImportTrigger.SCHEDULED);

        assertThat(serials()).contains("late-1").hasSize(32);
        assertThat(latestRun().created()).isEqualTo(1);
        assertThat(latestRun().unchanged()).isEqualTo(31);
        // the sweep lists the 32 orders (4 pages of 10) and reads in full only the page with the late order
        assertThat(shop.basicPages() - basic).isEqualTo(4);
        assertThat(shop.fullPages() - full).isEqualTo(1);
        // the next poll is a short one again
        basic = shop.basicPages();
        imports.run(connectionId, ImportTrigger.SCHEDULED);
        assertThat(shop.basicPages() - basic).isEqualTo(1);
    }

    @Test
    void everyCallOfARunIsTakenFromTheConnectionsRequestBudget() {
        shop.offerCursor();
        placeOrders(25, 1);
        // the key check when the connection was saved is the one call outside the budget
        int before = shop.basicPages() + shop.fullPages();
        imports.run(connectionId, ImportTrigger.MANUAL);
        imports.run(connectionId, ImportTrigger.MANUAL);

        long used = jdbc.sql("select used_import from api_request_budget where connection_id = ?")
                .param(connectionId)
                .query(Long.class)
                .single();
        assertThat(used)
                .isEqualTo(shop.basicPages() + shop.fullPages() - before)
                .isPositive();
    }

    private tools.jackson.databind.node.ObjectNode fixedAmounts(tools.jackson.databind.node.ObjectNode body) {
        var amounts = body.objectNode();
        amounts.put("items_total", 2160);
        amounts.put("shipping_fee", 800);
        amounts.put("cod_fee", 330);
        amounts.put("gift_wrapping_fee", 0);
        amounts.put("coupon_discount", 0);
        amounts.put("points_used", 0);
        amounts.put("total", 3290);
        amounts.putArray("tax");
        return amounts;
    }

    private void placeOrders(int count, int deliveries) {
        int start = shopOrderCount;
        for (int i = 0; i < count; i++) {
            shop.place("o-" + (start + i), FakeShop.now().minusMinutes(count - i), deliveries);
        }
        shopOrderCount += count;
    }

    private int shopOrderCount;

    private List<String> serials() {
        return jdbc.sql("select serial_code from oms_order where connection_id = ? order by serial_code")
                .param(connectionId)
                .query(String.class)
                .list();
    }

    private List<String> history(String serial) {
        return jdbc.sql("select h.summary from order_history h join oms_order o on o.id = h.order_id "
                        + "where o.serial_code = ? and o.connection_id = ? order by h.id")
                .params(serial, connectionId)
                .query(String.class)
                .list();
    }

    private ImportRun latestRun() {
        return records.runs(connectionId, 1).get(0);
    }
}
