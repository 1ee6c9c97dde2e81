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
        form.put("paymentMethod", "CreditCard");
        form.put("destinations[0].key", "1");
        form.put("destinations[0].recipient.name", "編集 太郎");
        form.put("destinations[0].recipient.phone", "03-1234-5678");
        form.put("destinations[0].recipient.postalCode", "150-0001");
        form.put("destinations[0].recipient.prefecture", "東京都");
        form.put("destinations[0].recipient.address1", "渋谷区神宮前1-1");
        line(form, 0, 1, "mug-1", "マグカップ", 3300, 10, 1);
        line(form, 1, 1, "tea-1", "煎茶", 1080, 8, 1);
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

    private static void line(
            java.util.Map<String, String> form,
            int index,
            int destination,
            String code,
            String name,
            long price,
            int rate,
            int quantity) {
        String p = "lines[" + index + "].";
        form.put(p + "destination", String.valueOf(destination));
        form.put(p + "itemCode", code);
        form.put(p + "name", name);
        form.put(p + "unitPrice", String.valueOf(price));
        form.put(p + "taxRate", String.valueOf(rate));
        form.put(p + "quantity", String.valueOf(quantity));
    }

    @Test
    void savingRecomputesTheTotalAndTaxPerRateAndRecordsWhoChangedWhat() throws Exception {
        long id = order();
        mvc.perform(save(id, 0, "lines[1].quantity", "3", "couponDiscount", "300", "memo", "電話で数量変更"))
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
            assertThat(h.summary()).contains("数量 煎茶: 1 → 3").contains("合計: 4,880円 → 6,740円");
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
                        "lines[0].quantity",
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

    @Test
    void aLineAddedByItsProductCodeToANewDestinationIsFilledInAndTotalled() throws Exception {
        long id = order();
        mvc.perform(save(
                        id,
                        0,
                        "destinations[1].key",
                        "-1",
                        "destinations[1].recipient.name",
                        "贈り 花子",
                        "destinations[1].recipient.phone",
                        "06-1234-5678",
                        "destinations[1].recipient.postalCode",
                        "530-0001",
                        "destinations[1].recipient.prefecture",
                        "大阪府",
                        "destinations[1].recipient.address1",
                        "大阪市北区梅田1-1",
                        "destinations[1].timeSlot",
                        "From14To16",
                        // the tea moves to the new destination; a mug is added there by its code only
                        "lines[1].destination",
                        "-1",
                        "lines[2].destination",
                        "-1",
                        "lines[2].itemCode",
                        "mug-1",
                        "lines[2].quantity",
                        "2"))
                .andExpect(redirectedUrl("/orders/" + id));

        OrderDetail edited = orders.detail(id).orElseThrow();
        assertThat(edited.shipments())
                .extracting(OrderDetail.Shipment::deliveryId)
                .containsExactly(1, 2);
        OrderDetail.Shipment added = edited.shipments().get(1);
        assertThat(added.name()).isEqualTo("贈り 花子");
        assertThat(added.timeSlotLabel()).isEqualTo("14時〜16時");
        assertThat(added.items())
                .extracting(OrderDetail.Item::name, OrderDetail.Item::unitPrice, OrderDetail.Item::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("煎茶", 1080L, 1),
                        org.assertj.core.groups.Tuple.tuple("マグカップ", 3300L, 2));
        // items 3 × 3,300 (10 %) + 1,080 (8 %) + shipping 500
        assertThat(edited.total()).isEqualTo(9900 + 1080 + 500);
        assertThat(edited.taxLines())
                .containsExactly(
                        new OrderDetail.TaxLine(10, 10400, 10400 * 10 / 110),
                        new OrderDetail.TaxLine(8, 1080, 1080 * 8 / 108));
        assertThat(edited.history().get(edited.history().size() - 1).summary())
                .contains("お届け先2を追加: 贈り 花子")
                .contains("煎茶を移動: お届け先1 → お届け先2")
                .contains("商品を追加: お届け先2 マグカップ (mug-1) 3,300円 × 2 [10%]");
    }

    @Test
    void aRemovedLineAndARepricedLineChangeTheTotal() throws Exception {
        long id = order();
        mvc.perform(save(id, 0, "lines[1].remove", "true", "lines[0].unitPrice", "3000"))
                .andExpect(redirectedUrl("/orders/" + id));

        OrderDetail edited = orders.detail(id).orElseThrow();
        assertThat(edited.shipments().get(0).items())
                .singleElement()
                .satisfies(i -> assertThat(i.unitPrice()).isEqualTo(3000));
        assertThat(edited.total()).isEqualTo(3500);
        assertThat(edited.taxLines()).containsExactly(new OrderDetail.TaxLine(10, 3500, 318));
    }

    @Test
    void anUnknownProductCodeWithoutANameIsRefusedByLine() throws Exception {
        long id = order();
        Document page =
                Jsoup.parse(mvc.perform(save(id, 0, "lines[2].destination", "1", "lines[2].itemCode", "nothing-9"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(page.select("[data-testid=edit-error]").text())
                .contains("商品3行目")
                .contains("nothing-9");
        assertThat(orders.detail(id).orElseThrow().version()).isZero();
    }

    @Test
    void aDestinationLeftWithoutLinesIsRefused() throws Exception {
        long id = order();
        Document page = Jsoup.parse(mvc.perform(save(
                        id,
                        0,
                        "destinations[1].key",
                        "-1",
                        "destinations[1].recipient.name",
                        "空 の",
                        "destinations[1].recipient.phone",
                        "06-1234-5678",
                        "destinations[1].recipient.postalCode",
                        "530-0001",
                        "destinations[1].recipient.prefecture",
                        "大阪府",
                        "destinations[1].recipient.address1",
                        "大阪市北区梅田1-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[data-testid=edit-error]").text()).contains("お届け先2に商品がありません");
    }

    @Test
    void cashOnDeliveryToTwoDestinationsNeedsAmountsThatAddUpToTheTotal() throws Exception {
        long id = order();
        String[] second = {
            "paymentMethod", "CashOnDelivery",
            "destinations[1].key", "-1",
            "destinations[1].recipient.name", "贈り 花子",
            "destinations[1].recipient.phone", "06-1234-5678",
            "destinations[1].recipient.postalCode", "530-0001",
            "destinations[1].recipient.prefecture", "大阪府",
            "destinations[1].recipient.address1", "大阪市北区梅田1-1",
            "lines[1].destination", "-1",
            "destinations[0].codAmount", "1000",
            "destinations[1].codAmount", "1000"
        };
        Document refused = Jsoup.parse(mvc.perform(save(id, 0, second))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("[data-testid=edit-error]").text())
                .contains("代引金額の合計 (2,000円) が受注の合計 (4,880円) と合いません");

        String[] split = second.clone();
        split[second.length - 3] = "3800";
        split[second.length - 1] = "1080";
        mvc.perform(save(id, 0, split)).andExpect(redirectedUrl("/orders/" + id));
        OrderDetail edited = orders.detail(id).orElseThrow();
        assertThat(edited.paymentMethod()).isEqualTo("CashOnDelivery");
        assertThat(edited.shipments())
                .extracting(OrderDetail.Shipment::codAmount)
                .containsExactly(3800L, 1080L);
        assertThat(CashOnDelivery.problem(edited)).isEmpty();
    }

    @Test
    void theOrderPageSetsTheAmountPerDestinationOfACashOnDeliveryOrder() throws Exception {
        long id = order();
        jdbc.sql("update oms_order set payment_method = 'CashOnDelivery' where id = ?")
                .param(id)
                .update();
        jdbc.sql("""
                        insert into shipment (order_id, delivery_id, name, phone, postal_code, prefecture, address1)
                        values (?, 2, '贈り 花子', '06-1234-5678', '530-0001', '大阪府', '大阪市北区梅田1-1')
                        """).param(id).update();
        assertThat(CashOnDelivery.problem(orders.detail(id).orElseThrow())).isPresent();

        mvc.perform(post("/orders/" + id + "/cod-amounts")
                        .param("version", "0")
                        .param("cod1", "4000")
                        .param("cod2", "800")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/orders/" + id));
        assertThat(orders.detail(id).orElseThrow().shipments())
                .extracting(OrderDetail.Shipment::codAmount)
                .containsExactly(null, null);
        Document page =
                Jsoup.parse(mvc.perform(get("/orders/" + id).with(user("sato").roles("STAFF")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[data-testid=cod-problem]").text()).contains("お届け先ごとの代引金額を決めてから");

        mvc.perform(post("/orders/" + id + "/cod-amounts")
                        .param("version", "0")
                        .param("cod1", "4000")
                        .param("cod2", "880")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/orders/" + id));
        OrderDetail split = orders.detail(id).orElseThrow();
        assertThat(split.shipments())
                .extracting(OrderDetail.Shipment::codAmount)
                .containsExactly(4000L, 880L);
        assertThat(CashOnDelivery.problem(split)).isEmpty();
        assertThat(split.history().get(split.history().size() - 1).summary()).contains("お届け先2の代引金額: (なし) → 880円");
    }
}
