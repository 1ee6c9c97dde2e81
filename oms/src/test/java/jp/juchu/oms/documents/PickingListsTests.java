package jp.juchu.oms.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PickingListsTests {

    @Autowired
    PickingLists lists;

    @Autowired
    Orders orders;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    DocumentFixture fixture;
    String run;
    String sencha;
    String cup;
    String gift;
    String unlisted;

    @BeforeEach
    void setUp() {
        fixture = new DocumentFixture(
                orders, jdbc, connections.ownChannel(Mall.CSV).id());
        run = Long.toString(System.nanoTime(), 36).toUpperCase();
        long senchaSku = fixture.product("SEN-" + run, "煎茶 100g", "SKU", "B-02", false);
        long cupSku = fixture.product("CUP-" + run, "湯呑み", "SKU", "A-01", false);
        long set = fixture.product("GIFT-" + run, "煎茶と湯呑みのギフト", "SET", null, false);
        fixture.component(set, senchaSku, 2);
        fixture.component(set, cupSku, 1);
        sencha = "sencha-" + run;
        cup = "cup-" + run;
        gift = "gift-" + run;
        unlisted = "zz" + run.substring(run.length() - 5);
        fixture.listing(sencha, senchaSku, 1);
        fixture.listing(cup, cupSku, 1);
        fixture.listing(gift, set, 1);
    }

    @Test
    void theTotalSumsEachSkuOverTheOrdersInShelfOrderWithUnlistedItemsGroupedByCodeAfterThem() throws Exception {
        long first = fixture.order(
                "pt1-" + run,
                List.of(
                        new ShopOrder.Item(sencha, "", "煎茶", 1080, 3, 8),
                        new ShopOrder.Item(unlisted, "", "未登録の品", 500, 1, 10)),
                0,
                0,
                0,
                0,
                null);
        long second = fixture.order(
                "pt2-" + run,
                List.of(
                        new ShopOrder.Item(gift, "", "ギフト", 4000, 2, 8),
                        new ShopOrder.Item(unlisted, "", "未登録の品", 500, 2, 10)),
                0,
                0,
                0,
                0,
                null);

        String text = DocumentFixture.text(DocumentFixture.pdf(
                "picking-total", out -> lists.write(PickingLists.Layout.TOTAL, List.of(first, second), out)));

        // the gift set is 2 sencha + 1 cup per unit: 2 sets → 4 sencha and 2 cups; sencha 3 + 4 = 7 over 2 orders
        assertThat(text).contains("受注 2件 / 3品目 / 合計 12点");
        int cupRow = text.indexOf("A-01 CUP-" + run + " 4900000000000 湯呑み 2 1 □");
        int senchaRow = text.indexOf("B-02 SEN-" + run + " 4900000000000 煎茶 100g 7 2 □");
        int unlistedRow = text.indexOf("未登録 " + unlisted + " 未登録の品 3 2 □");
        assertThat(cupRow).as(text).isPositive();
        assertThat(senchaRow).as(text).isGreaterThan(cupRow);
        assertThat(unlistedRow).as(text).isGreaterThan(senchaRow);
        assertThat(text).doesNotContain("GIFT-" + run);
    }

    @Test
    void thePerOrderListHasEachOrdersSkusInShelfOrderInTheOrderOfTheList() throws Exception {
        long first = fixture.order(
                "po1-" + run, List.of(new ShopOrder.Item(sencha, "", "煎茶", 1080, 1, 8)), 0, 0, 0, 0, null);
        long second = fixture.order(
                "po2-" + run,
                List.of(
                        new ShopOrder.Item(sencha, "", "煎茶", 1080, 1, 8),
                        new ShopOrder.Item(gift, "", "ギフト", 4000, 1, 8)),
                0,
                0,
                0,
                0,
                null);

        String text = DocumentFixture.text(DocumentFixture.pdf(
                "picking-per-order", out -> lists.write(PickingLists.Layout.PER_ORDER, List.of(second, first), out)));

        int secondAt = text.indexOf("受注番号 po2-" + run);
        int firstAt = text.indexOf("受注番号 po1-" + run);
        assertThat(secondAt).as(text).isPositive();
        assertThat(firstAt).isGreaterThan(secondAt);
        String secondOrder = text.substring(secondAt, firstAt);
        assertThat(secondOrder).contains("お届け先 佐藤 花子 様");
        assertThat(secondOrder.indexOf("A-01 CUP-" + run + " 湯呑み 1 □"))
                .isPositive()
                .isLessThan(secondOrder.indexOf("B-02 SEN-" + run + " 煎茶 100g 3 □"));
        assertThat(text.substring(firstAt)).contains("B-02 SEN-" + run + " 煎茶 100g 1 □");
    }
}
