package jp.juchu.oms.shipping;

import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.imports.FakeShop;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the shipping tests start from: a fake shop served over HTTP and linked to the OMS, the sender (契約者情報)
 * and the B2 Cloud customer code set, so that slips can be made for its orders.
 */
abstract class LinkedShopTests {

    static final Charset SJIS = Charset.forName("windows-31j");
    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    SlipExports exports;

    @Autowired
    TrackingImports trackingImports;

    @Autowired
    WriteBacks writeBacks;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    ConnectionSetup setup;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    JdbcClient jdbc;

    private final String shopIdPrefix;
    FakeShop shop;
    long connectionId;
    String prefix;

    LinkedShopTests(String shopIdPrefix) {
        this.shopIdPrefix = shopIdPrefix;
    }

    @BeforeEach
    void connect() throws Exception {
        shop = new FakeShop(shopIdPrefix + SHOPS.incrementAndGet());
        prefix = shop.shopId() + "-";
        connectionId = setup.verifyAndSave(
                        null,
                        new ConnectionSettings(
                                shop.shopId(),
                                shop.openKey(),
                                shop.managerKey(),
                                7,
                                false,
                                30,
                                shop.managementUrl(),
                                shop.itemUrl()))
                .connection()
                .id();
        contractor.save(new Contractor(
                "ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp"));
        jdbc.sql("update carrier_setting set customer_code = '0123456789' where carrier = 'YAMATO'")
                .update();
    }

    @AfterEach
    void close() {
        shop.close();
    }
}
