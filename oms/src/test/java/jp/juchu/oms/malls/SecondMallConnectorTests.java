package jp.juchu.oms.malls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.juchu.oms.imports.ImportTrigger;
import jp.juchu.oms.imports.OrderImport;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.oms.shipping.TrackingImports;
import jp.juchu.oms.shipping.WriteBacks;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A second mall plugs in as one more {@link MallConnector} bean: imports and shipping find it by the connection's
 * mall kind, with no change to either. The mall here is test-only and keeps its orders in memory.
 */
@SpringBootTest(properties = "db-scheduler.polling-interval=200ms")
@AutoConfigureMockMvc
class SecondMallConnectorTests {

    static final Mall TEST_MALL = new Mall("TEST_MALL");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TestConfiguration
    static class SecondMall {
        @Bean
        InMemoryMall inMemoryMall() {
            return new InMemoryMall();
        }
    }

    /** A mall that answers from a list and writes down every shipment reported to it. */
    static class InMemoryMall implements MallConnector {

        final List<RawOrder> orders = new CopyOnWriteArrayList<>();
        final List<Shipment> shipments = new CopyOnWriteArrayList<>();
        final List<Long> connectionsRead = new CopyOnWriteArrayList<>();

        @Override
        public Mall mall() {
            return TEST_MALL;
        }

        @Override
        public OrderPage readOrders(MallConnection connection, OrderQuery query) {
            connectionsRead.add(connection.id());
            List<RawOrder> page =
                    orders.stream().skip(query.from()).limit(query.size()).toList();
            return new OrderPage((long) orders.size(), OffsetDateTime.now(TOKYO), page, null);
        }

        @Override
        public void reportShipment(MallConnection connection, Shipment shipment) {
            shipments.add(shipment);
        }

        @Override
        public ShopStock readStock(MallConnection connection, String itemCode) {
            return new ShopStock(itemCode, true, java.util.Map.of());
        }

        @Override
        public StockPush pushStock(
                MallConnection connection, String itemCode, String variation, int expected, int quantity) {
            throw new UnsupportedOperationException("the test mall keeps no stock");
        }
    }

    @Autowired
    InMemoryMall mall;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    OrderImport imports;

    @Autowired
    TrackingImports trackingImports;

    @Autowired
    WriteBacks writeBacks;

    @Autowired
    Orders orders;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private long connectTestMall(String shopId) {
        return jdbc.sql("""
                        insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)
                        values (?, ?, false, true, 'OK') returning id
                        """).params(TEST_MALL.name(), shopId).query(Long.class).single();
    }

    @Test
    void aSecondMallsOrdersAreImportedAndItsShipmentsReportedThroughItsOwnConnector() {
        long connection = connectTestMall("second-1");
        mall.orders.add(order("T-1001"));

        assertThat(imports.run(connection, ImportTrigger.MANUAL)).isEqualTo(OrderImport.Outcome.SUCCEEDED);

        assertThat(mall.connectionsRead).contains(connection);
        long id = jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connection, "T-1001")
                .query(Long.class)
                .single();
        assertThat(orders.detail(id).orElseThrow().total()).isEqualTo(3290);

        workflow.move(id, "READY_TO_SHIP", Actor.person("テスト", false), false);
        String file = "お客様管理番号,送り状種類,クール区分,伝票番号\r\nJ" + id + "-1,0,0,123412341234\r\n";
        TrackingImports.Result result = trackingImports.importFile(
                Carrier.YAMATO,
                "b2.csv",
                file.getBytes(Charset.forName("windows-31j")),
                false,
                Actor.person("出荷担当", false));

        assertThat(result.applied()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(mall.shipments)
                        .containsExactly(new Shipment("T-1001", 1, "Yamato", "123412341234", LocalDate.now(TOKYO))));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(id)).allMatch(WriteBacks.WriteBack::done));
    }

    @Test
    void ordersEnteredByHandAndFromCsvHaveChannelsOfTheirOwnWithJapaneseNamesAndNothingToFetch() throws Exception {
        MallConnection manual = connections.ownChannel(Mall.MANUAL);
        MallConnection csv = connections.ownChannel(Mall.CSV);

        assertThat(connections.channels()).contains(manual, csv);
        assertThat(connections.all()).doesNotContain(manual, csv);
        assertThatThrownBy(() -> imports.run(manual.id(), ImportTrigger.MANUAL))
                .isInstanceOf(IllegalArgumentException.class);
        mvc.perform(get("/imports/{id}", csv.id()).with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound());

        String page = mvc.perform(get("/orders").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("[data-testid=filter-shop] option").eachText())
                .contains("受注登録 (電話・FAX・店頭)", "データ取込 (CSVファイル)")
                .doesNotContain("manual", "csv");
        String deletion = mvc.perform(
                        get("/maintenance/delete").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(deletion).select("select[name=connection] option"))
                .anySatisfy(o -> assertThat(o.attr("value")).isEqualTo(String.valueOf(manual.id())))
                .extracting(org.jsoup.nodes.Element::text)
                .contains("受注登録 (電話・FAX・店頭)", "データ取込 (CSVファイル)");
    }

    @Test
    void aShipmentOfAnOrderFromAnOwnChannelIsReportedToNoMall() throws Exception {
        long csv = connections.ownChannel(Mall.CSV).id();
        long id = SampleOrders.apply(orders, jdbc, csv, SampleOrders.order("csv:OWN-1", OffsetDateTime.now(TOKYO)));
        workflow.move(id, "READY_TO_SHIP", Actor.person("テスト", false), false);
        String file = "お客様管理番号,送り状種類,クール区分,伝票番号\r\nJ" + id + "-1,0,0,567856785678\r\n";

        TrackingImports.Result result = trackingImports.importFile(
                Carrier.YAMATO,
                "b2.csv",
                file.getBytes(Charset.forName("windows-31j")),
                false,
                Actor.person("出荷担当", false));

        assertThat(result.applied()).isEqualTo(1);
        assertThat(orders.detail(id).orElseThrow().workflowStatusName()).isEqualTo("出荷済み");
        assertThat(writeBacks.ofOrder(id)).isEmpty();
        assertThat(mall.shipments).noneMatch(s -> s.serialCode().equals("csv:OWN-1"));
        String panel = mvc.perform(
                        get("/shipping/orders/{id}", id).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(panel).select("[data-testid=write-backs]")).isEmpty();
    }

    /** An order in the platform order schema, the form every connector hands its orders to the import in. */
    private static RawOrder order(String serial) {
        OffsetDateTime at = OffsetDateTime.now(TOKYO).minusHours(1).withNano(0);
        String json = """
                {"serial_code": "%1$s", "order_number": "%1$s", "order_date": "%2$s", "updated_at": "%2$s",
                 "order_status": "New", "payment_status": "Paid", "shipping_status": "NotShipped",
                 "buyer": {"name": "二宮 次郎", "name_kana": "ニノミヤ ジロウ", "mail_address": "jiro@example.jp",
                           "phone": "03-2222-3333", "postal_code": "150-0001", "prefecture": "東京都",
                           "address1": "渋谷区神宮前2-2-2", "address2": null, "member": null},
                 "payment": {"method": "CreditCard"},
                 "deliveries": [{"delivery_id": 1, "name": "二宮 次郎", "phone": "03-2222-3333",
                                 "postal_code": "150-0001", "prefecture": "東京都", "address1": "渋谷区神宮前2-2-2",
                                 "address2": null, "delivery_date": null, "time_slot": null, "gift_wrapping": "No",
                                 "noshi": null, "shipping_fee": 800, "shipping": null,
                                 "items": [{"item_code": "tea-2", "variation": "", "item_name": "玉露",
                                            "unit_price": 1080, "quantity": 2, "tax_rate": 8}]}],
                 "amounts": {"items_total": 2160, "shipping_fee": 800, "cod_fee": 330, "gift_wrapping_fee": 0,
                             "coupon_discount": 0, "points_used": 0, "total": 3290,
                             "tax": [{"rate": 8, "taxable_amount": 2160, "tax": 160},
                                     {"rate": 10, "taxable_amount": 1130, "tax": 102}]},
                 "remarks": null}
                """.formatted(serial, at);
        return new RawOrder(serial, at.toInstant(), json);
    }
}
