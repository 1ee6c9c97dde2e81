package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** モール配送伝票: a shop's carrier, sender and remark reach its orders' slips; bad settings are refused whole. */
@SpringBootTest
@AutoConfigureMockMvc
class ShopSlipsTests {

    static final Charset SJIS = Charset.forName("Windows-31J");

    @Autowired
    MockMvc mvc;

    @Autowired
    ShopSlips shopSlips;

    @Autowired
    SlipExports exports;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    JdbcClient jdbc;

    long shop;

    @BeforeEach
    void shop() {
        shop = jdbc.sql("insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)"
                        + " values ('SHOP_SERVE', ?, false, false, 'OK') returning id")
                .param("slip" + System.nanoTime())
                .query(Long.class)
                .single();
        contractor.save(new Contractor(
                "ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp"));
        jdbc.sql("update carrier_setting set customer_code = '0123456789' where carrier = 'YAMATO'")
                .update();
    }

    @Test
    void aShopsSenderCarrierAndRemarkGoOnItsOrdersSlips() throws Exception {
        mvc.perform(post("/settings/shop-slips/" + shop)
                        .param("carrier", "YAMATO")
                        .param("senderName", "ジュチュウ楽天店")
                        .param("senderPhone", "054-111-2222")
                        .param("senderPostalCode", "420-0001")
                        .param("senderPrefecture", "静岡県")
                        .param("senderAddress", "静岡市葵区1-1")
                        .param("slipRemark", "ワレモノ")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/shop-slips"))
                .andExpect(flash().attributeExists("message"));
        long order = SampleOrders.apply(
                orders, jdbc, shop, SampleOrders.order("slip-" + System.nanoTime(), OffsetDateTime.now()));
        workflow.move(order, "READY_TO_SHIP", Actor.person("テスト", false), false);

        assertThat(exports.check(Carrier.SAGAWA, List.of(order)).get(0).problems())
                .anySatisfy(p -> assertThat(p).contains("配送業者はヤマト運輸に指定されています"));
        var batch = exports.record(Carrier.YAMATO, List.of(order), false, Actor.person("出荷担当", false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(batch.id(), out);
        String row = new String(out.toByteArray(), SJIS).split("\r\n")[1];

        assertThat(row).contains("ジュチュウ楽天店").contains("054-111-2222").contains("ワレモノ");
        assertThat(row).doesNotContain("ジュチュウ日本茶店");
        assertThat(mvc.perform(get("/settings/shop-slips").with(user("staff").roles("STAFF")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("ジュチュウ楽天店");
    }

    @Test
    void badSettingsAreRefusedWithEveryReasonAndNothingSaved() throws Exception {
        mvc.perform(post("/settings/shop-slips/" + shop)
                        .param("carrier", "KURONEKO")
                        .param("senderName", "店")
                        .param("senderPhone", "abc")
                        .param("senderPostalCode", "1")
                        .param("senderPrefecture", "火星")
                        .param("slipRemark", "𠮷".repeat(101))
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/shop-slips"))
                .andExpect(flash().attribute(
                                "error",
                                Matchers.allOf(
                                        Matchers.containsString("配送業者: 一覧から選んでください"),
                                        Matchers.containsString("ご依頼主の電話番号"),
                                        Matchers.containsString("ご依頼主の郵便番号"),
                                        Matchers.containsString("ご依頼主の都道府県"),
                                        Matchers.containsString("ご依頼主の住所"),
                                        Matchers.containsString("送り状の記事: 100文字まで"),
                                        Matchers.containsString("印字できない文字があります: 𠮷"))));
        assertThat(shopSlips.of(shop)).isEmpty();
        mvc.perform(post("/settings/shop-slips/99999999")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "ショップ 99999999 はありません"));
        mvc.perform(post("/settings/shop-slips/" + shop)
                        .param("carrier", "YAMATO")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(shopSlips.of(shop)).isEmpty();
    }
}
