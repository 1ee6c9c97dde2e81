package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 受注の編集: validation by field, totals and tax recomputed per rate, and two people editing one order. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderEditingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    /** An order with a 10 % item (3,300円) and an 8 % item (1,080円), shipping 500円. */
    private long order() {
        String serial = "edit" + System.nanoTime();
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "編集 太郎",
                        "ヘンシュウ タロウ",
                        "edit@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-1",
                        null,
                        null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        "編集 太郎",
                        null,
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-1",
                        null,
                        null,
                        null,
                        false,
                        null,
                        500,
                        List.of(
                                new ShopOrder.Item("mug-1", "", "マグカップ", 3300, 1, 10),
                                new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                        null,
                        null,
                        null)),
                ShopOrder.Amounts.of(java.util.Map.of(10, 3300L, 8, 1080L), 500, 0, 0, 0, 0),
                null);
        orders.applyFromShop(5555, List.of(new IncomingOrder(order, "{}", serial)));
        return jdbc.sql("select id from oms_order where serial_code = ?")
                .param(serial)
                .query(Long.class)
                .single();
    }

    /** The edit form as the page posts it, with {@code changes} (name, value, name, value …) typed over it. */
    private MockHttpServletRequestBuilder save(long id, long version, String... changes) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("version", String.valueOf(version));
        form.put("buyer.name", "編集 太郎");
        form.put("buyer.phone", "03-1234-5678");
        form.put("buyer.postalCode", "150-0001");
        form.put("buyer.prefecture", "東京都");
        form.put("buyer.address1", "渋谷区神宮前1-1");
        form.put("buyerKana", "ヘンシュウ タロウ");
        form.put("buyerEmail", "edit@example.jp");
        form.put("destinations[0].deliveryId", "1");
        form.put("destinations[0].recipient.name", "編集 太郎");
        form.put("destinations[0].recipient.phone", "03-1234-5678");
        form.put("destinations[0].recipient.postalCode", "150-0001");
        form.put("destinations[0].recipient.prefecture", "東京都");
        form.put("destinations[0].recipient.address1", "渋谷区神宮前1-1");
        form.put("destinations[0].lines[0].lineNo", "1");
        form.put("destinations[0].lines[0].quantity", "1");
        form.put("destinations[0].lines[1].lineNo", "2");
        form.put("destinations[0].lines[1].quantity", "1");
        form.put("shippingFee", "500");
        form.put("codFee", "0");
        form.put("giftWrappingFee", "0");
        form.put("couponDiscount", "0");
        form.put("pointsUsed", "0");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/orders/" + id + "/edit");
        form.forEach(request::param);
        return request.with(user("sato").roles("STAFF")).with(csrf());
    }

    @Test
    void savingRecomputesTheTotalAndTaxPerRateAndRecordsWhoChangedWhat() throws Exception {
        long id = order();
        mvc.perform(save(id, 0, "destinations[0].lines[1].quantity", "3", "couponDiscount", "300", "memo", "電話で数量変更"))
                .andExpect(redirectedUrl("/orders/" + id));

        OrderDetail edited = orders.detail(id).orElseThrow();
        // items 3,300 (10 %) + 3,240 (8 %) + shipping 500 − coupon 300
        assertThat(edited.itemsTotal()).isEqualTo(6540);
        assertThat(edited.total()).isEqualTo(6740);
        // coupon apportioned: 10 % gets floor(300 × 3300 / 6540) = 151, 8 % the rest 149
        assertThat(edited.taxLines())
                .containsExactly(
                        new OrderDetail.TaxLine(10, 3300 - 151 + 500, (3300 - 151 + 500) * 10 / 110),
                        new OrderDetail.TaxLine(8, 3240 - 149, (3240 - 149) * 8 / 108));
        assertThat(edited.memo()).isEqualTo("電話で数量変更");
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.history()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo("EDITED");
            assertThat(h.actor()).isEqualTo("sato");
            assertThat(h.summary()).contains("数量 煎茶: 1 → 3").contains("合計: 4880 → 6740");
        });
    }

    @Test
    void badFieldsAreNamedAndNothingIsSaved() throws Exception {
        long id = order();
        Document page = Jsoup.parse(mvc.perform(save(
                        id,
                        0,
                        "buyer.phone",
                        "abc",
                        "destinations[0].recipient.postalCode",
                        "15",
                        "destinations[0].lines[0].quantity",
                        "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[data-testid=buyer-phone-error]").text()).contains("03-1234-5678");
        assertThat(page.select("[data-testid='destinations[0].recipient-postalCode-error']")
                        .text())
                .contains("123-4567");
        assertThat(page.select("input[name='buyer.phone']").val()).isEqualTo("abc");
        assertThat(orders.detail(id).orElseThrow().version()).isZero();
    }

    @Test
    void theSecondOfTwoEditorsGetsAConflictAndKeepsWhatTheyTyped() throws Exception {
        long id = order();
        mvc.perform(get("/orders/" + id + "/edit").with(user("sato").roles("STAFF")))
                .andExpect(status().isOk());

        mvc.perform(save(id, 0, "memo", "佐藤: 先に保存")).andExpect(redirectedUrl("/orders/" + id));
        Document conflict = Jsoup.parse(mvc.perform(save(id, 0)
                        .param("memo", "鈴木: 後から保存")
                        .with(user("suzuki").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(conflict.select("[data-testid=edit-conflict]").text()).contains("sato が更新しました");
        assertThat(conflict.select("[data-testid=memo]").text()).isEqualTo("鈴木: 後から保存");
        assertThat(conflict.select("[data-testid=current-order]").text()).contains("佐藤: 先に保存");
        assertThat(conflict.select("input[name=version]").val()).isEqualTo("1");
        assertThat(orders.detail(id).orElseThrow().memo()).isEqualTo("佐藤: 先に保存");
    }

    @Test
    void viewersCannotEdit() throws Exception {
        long id = order();
        mvc.perform(save(id, 0).with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    }
}
