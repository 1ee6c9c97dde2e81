package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order list's keyword finds recipients as well as buyers, whatever the kana and width typed. */
@SpringBootTest
class OrderKeywordSearchTests {

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    private List<Long> search(String keyword) {
        return orders
                .list(
                        new OrderFilter(
                                null, keyword, null, null, null, false, null, null, null, null, null, null, null),
                        0,
                        50)
                .rows()
                .stream()
                .map(OrderList.Row::id)
                .toList();
    }

    private long orderWithRecipient(String name, String kana, String phone) {
        long id = SampleOrders.apply(
                orders, jdbc, 7777, SampleOrders.order("kw" + System.nanoTime(), OffsetDateTime.now()));
        jdbc.sql("update shipment set name = ?, kana = ?, phone = ? where order_id = ?")
                .params(name, kana, phone, id)
                .update();
        return id;
    }

    @Test
    void theFoldTurnsEveryKatakanaIntoItsHiraganaAndAnyOtherTextIntoItsNfkcLowerCaseWithoutSpaces() {
        StringBuilder katakana = new StringBuilder();
        StringBuilder hiragana = new StringBuilder();
        for (char c = 'ァ'; c <= 'ヶ'; c++) {
            katakana.append(c);
            hiragana.append((char) (c - 0x60));
        }
        assertThat(fold(katakana.toString())).isEqualTo(hiragana.toString());
        assertThat(fold("ｶﾞｷﾞ ｸﾞ")).isEqualTo("がぎぐ");
        // no katakana: only the width, the case and the spaces change
        assertThat(fold("ＡＢＣ 東京都 ｘ１２３ー・ヷ")).isEqualTo("abc東京都x123ー・ヷ");
        assertThat(fold("山田 タロウ ＴＡＲＯ")).isEqualTo("山田たろうtaro");
        // text already in NFKC is not normalised again, and folds the same
        assertThat(fold("Tokyo Station 東京駅 03-1234")).isEqualTo("tokyostation東京駅03-1234");
        assertThat(fold(null)).isEmpty();
    }

    private String fold(String text) {
        return jdbc.sql("select oms_fold(?)").param(text).query(String.class).single();
    }

    @Test
    void aRecipientIsFoundByNameKanaInAnyFormAndPhone() {
        String digits = String.valueOf(System.nanoTime() % 100_000_000L);
        String phone = "099-" + digits.substring(0, 4) + "-" + digits.substring(4);
        long id = orderWithRecipient("月宮 雫", "ツキミヤ シズク", phone);

        assertThat(search("月宮 雫")).contains(id);
        assertThat(search("つきみや")).contains(id);
        assertThat(search("ﾂｷﾐﾔ ｼｽﾞｸ")).contains(id);
        assertThat(search("ツキミヤシズク")).contains(id);
        assertThat(search(phone)).contains(id);
        assertThat(search(phone.replace("-", ""))).contains(id);
        // full-width digits as a phone is often typed
        String wide = phone.chars()
                .map(c -> Character.isDigit(c) ? c - '0' + '０' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertThat(search(wide)).contains(id);
    }

    @Test
    void aNewOrdersRecipientsAreWrittenWithItAsItsShipmentsMakeThem() {
        List<ShopOrder.Delivery> deliveries = List.of(
                delivery(2, "二番 目", null, "03-1111-2222"),
                delivery(1, "一番 目", "イチバン メ", null),
                delivery(3, "三番 目", "サンバン メ", "090-3333-4444"));

        String written = OrderRows.recipients(deliveries);

        // the database's own rule (oms_order_recipients_refresh) over the same shipments
        String ofShipments = jdbc.sql("""
                        select string_agg(s.name || ' ' || coalesce(s.kana, '') || ' ' || coalesce(replace(s.phone, '-', ''), ''),
                                          ' | ' order by s.delivery_id)
                        from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as s(delivery_id, name, kana, phone)
                        """)
                .params(
                        deliveries.stream().map(ShopOrder.Delivery::deliveryId).toArray(Integer[]::new),
                        deliveries.stream().map(ShopOrder.Delivery::name).toArray(String[]::new),
                        deliveries.stream().map(ShopOrder.Delivery::kana).toArray(String[]::new),
                        deliveries.stream().map(ShopOrder.Delivery::phone).toArray(String[]::new))
                .query(String.class)
                .single();
        assertThat(written)
                .isEqualTo(ofShipments)
                .isEqualTo("一番 目 イチバン メ  | 二番 目  0311112222 | 三番 目 サンバン メ 09033334444");
        assertThat(OrderRows.recipients(List.of())).isNull();

        long id = SampleOrders.apply(
                orders, jdbc, 7777, SampleOrders.order("rcp" + System.nanoTime(), OffsetDateTime.now()));
        assertThat(jdbc.sql("""
                        select o.recipients is not null and o.recipients = (
                            select string_agg(s.name || ' ' || coalesce(s.kana, '') || ' ' || coalesce(replace(s.phone, '-', ''), ''),
                                              ' | ' order by s.delivery_id) from shipment s where s.order_id = o.id)
                        from oms_order o where o.id = ?
                        """).param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theRecipientsFollowTheShipmentsInDeliveryOrderAsTheyAreAddedChangedAndRemoved() {
        long id = orderWithRecipient("一番 目", "イチバン メ", "03-1111-2222");
        long other = orderWithRecipient("別の 注文", null, null);
        String otherBefore = recipients(other);
        // a statement that adds shipments to two orders at once refreshes both
        jdbc.sql("""
                        insert into shipment (id, order_id, delivery_id, name, kana, phone)
                        select nextval(pg_get_serial_sequence('shipment', 'id')), o, d, n, null, p
                        from (values (?::bigint, 3, '三番 目', '090-3333-4444'), (?::bigint, 2, '二番 目', null),
                                     (?::bigint, 2, '別の 二番', '0120')) as v (o, d, n, p)
                        """).params(id, id, other).update();
        assertThat(recipients(id)).isEqualTo("一番 目 イチバン メ 0311112222 | 二番 目   | 三番 目  09033334444");
        assertThat(recipients(other)).isEqualTo(otherBefore + " | 別の 二番  0120");

        jdbc.sql("update shipment set kana = 'ニバン メ' where order_id = ? and delivery_id = 2")
                .param(id)
                .update();
        assertThat(recipients(id)).isEqualTo("一番 目 イチバン メ 0311112222 | 二番 目 ニバン メ  | 三番 目  09033334444");

        jdbc.sql("delete from shipment where order_id = ? and delivery_id <> 1")
                .param(id)
                .update();
        assertThat(recipients(id)).isEqualTo("一番 目 イチバン メ 0311112222");
        assertThat(recipients(other)).isEqualTo(otherBefore + " | 別の 二番  0120");

        jdbc.sql("delete from order_item i using shipment s where s.id = i.shipment_id and s.order_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from shipment where order_id = ?").param(id).update();
        assertThat(recipients(id)).isNull();
    }

    private String recipients(long orderId) {
        return jdbc.sql("select recipients from oms_order where id = ?")
                .param(orderId)
                .query((rs, row) -> rs.getString(1))
                .list()
                .get(0);
    }

    private static ShopOrder.Delivery delivery(int id, String name, String kana, String phone) {
        return new ShopOrder.Delivery(
                id, name, kana, phone, "1000001", "東京都", "千代田区1-1", null, null, null, false, null, 0, List.of(), null,
                null, null);
    }

    @Test
    void aBuyerIsFoundByHalfWidthKanaAndFullWidthLetters() {
        long id = SampleOrders.apply(
                orders,
                jdbc,
                7777,
                SampleOrders.order(
                        "kwb" + System.nanoTime(), OffsetDateTime.now(), "ＺＥＴＡ商店", "CreditCard", "Paid", "t", 100));
        jdbc.sql("update oms_order set buyer_kana = 'ゼータショウテン' where id = ?")
                .param(id)
                .update();

        assertThat(search("zeta商店")).contains(id);
        assertThat(search("ｾﾞｰﾀｼｮｳﾃﾝ")).contains(id);
    }

    @Test
    void anOrderShippedToItsBuyerNamesTheBuyerOnceAndIsFoundByTheRecipientsWordsAlike() {
        String digits = String.valueOf(System.nanoTime() % 100_000_000L);
        String phone = "098-" + digits.substring(0, 4) + "-" + digits.substring(4);
        long id = orderWithRecipient("朝霧 灯", "アサギリ アカリ", phone);
        jdbc.sql("update oms_order set buyer_name = '朝霧 灯', buyer_kana = 'アサギリ アカリ', buyer_phone = ? where id = ?")
                .params(phone, id)
                .update();

        String keywords = jdbc.sql("select keywords from order_keyword where order_id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(keywords.indexOf("朝霧灯"))
                .isEqualTo(keywords.lastIndexOf("朝霧灯"))
                .isNotNegative();
        assertThat(search("朝霧 灯")).contains(id);
        assertThat(search("あさぎり")).contains(id);
        assertThat(search(phone)).contains(id);

        // shipped elsewhere, the recipient is named beside the buyer again
        jdbc.sql("update shipment set name = '夕凪 港', kana = null where order_id = ?")
                .param(id)
                .update();
        assertThat(search("夕凪港")).contains(id);
        assertThat(search("朝霧灯")).contains(id);
    }

    @Test
    void aRecipientRenamedIsNoLongerFoundByTheOldName() {
        long id = orderWithRecipient("消去 予定子", "ショウキョ ヨテイコ", "099-0000-0001");
        assertThat(search("しょうきょよていこ")).contains(id);
        jdbc.sql("update shipment set name = '別人 さん', kana = null where order_id = ?")
                .param(id)
                .update();
        assertThat(search("しょうきょよていこ")).doesNotContain(id);
    }

    @Test
    void theKeywordsFollowTheBuyerNotTheStatusAndGoWithTheOrder() {
        long id = SampleOrders.apply(
                orders, jdbc, 7777, SampleOrders.order("kwf" + System.nanoTime(), OffsetDateTime.now()));
        String writtenBy = keywordsVersion(id);

        // a move or a note names no column the keywords are made of: their row is not even rewritten
        jdbc.sql("update oms_order set workflow_status = 'CONFIRMING', memo = 'メモ', tags = '{タグ}' where id = ?")
                .param(id)
                .update();
        assertThat(keywordsVersion(id)).isEqualTo(writtenBy);
        // nor by an update that sets a keyword column to what it was
        jdbc.sql("update oms_order set buyer_name = buyer_name where id = ?")
                .param(id)
                .update();
        assertThat(keywordsVersion(id)).isEqualTo(writtenBy);

        jdbc.sql("update oms_order set buyer_name = '霧島 湊' where id = ?")
                .param(id)
                .update();
        assertThat(search("霧島湊")).contains(id);
        assertThat(jdbc.sql("select k.keywords = oms_order_keywords(o) from order_keyword k"
                                + " join oms_order o on o.id = k.order_id where o.id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        jdbc.sql("delete from oms_order where id = ?").param(id).update();
        assertThat(jdbc.sql("select count(*) from order_keyword where order_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String keywordsVersion(long id) {
        return jdbc.sql("select xmin::text from order_keyword where order_id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theFoldedKeywordIsStillReadThroughTheTrigramIndex() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (java.sql.ResultSet rs =
                    st.executeQuery("explain select order_id from order_keyword k where k.keywords like '%つきみや%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                st.execute("reset enable_seqscan");
            }
            assertThat(plan.toString()).contains("order_keyword_trgm_idx");
        }
    }
}
