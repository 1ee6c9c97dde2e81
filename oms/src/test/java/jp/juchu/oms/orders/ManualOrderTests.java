package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 受注登録: a phone order entered by hand becomes an order like an imported one, totals and tax by the same rule. */
@SpringBootTest
@AutoConfigureMockMvc
class ManualOrderTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    MallConnections channels;

    private MockHttpServletRequestBuilder entry(String action, String... changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "電話 注文子");
        form.put("kana", "デンワ チュウモンコ");
        form.put("phone", "06-1234-5678");
        form.put("postalCode", "530-0001");
        form.put("prefecture", "大阪府");
        form.put("address1", "大阪市北区梅田1-1");
        form.put("lines[0].itemCode", "mug-manual");
        form.put("lines[0].name", "手書きマグ");
        form.put("lines[0].unitPrice", "2200");
        form.put("lines[0].quantity", "2");
        form.put("lines[0].taxRate", "10");
        form.put("lines[0].destination", "1");
        form.put("lines[1].itemCode", "tea-manual");
        form.put("lines[1].name", "手書き茶");
        form.put("lines[1].unitPrice", "1080");
        form.put("lines[1].quantity", "1");
        form.put("lines[1].taxRate", "8");
        form.put("lines[1].destination", "2");
        form.put("destinations[1].name", "贈り先 花子");
        form.put("destinations[1].phone", "011-222-3333");
        form.put("destinations[1].postalCode", "060-0001");
        form.put("destinations[1].prefecture", "北海道");
        form.put("destinations[1].address1", "札幌市中央区1-1");
        form.put("paymentMethod", "CashOnDelivery");
        form.put("shippingFee", "800");
        form.put("codFee", "330");
        form.put("action", action);
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/orders/new");
        form.forEach(request::param);
        return request.with(user("tanaka").roles("STAFF")).with(csrf());
    }

    @Test
    void aPhoneOrderWithTwoDestinationsIsRegisteredWithTotalsAndTaxPerRate() throws Exception {
        Document preview = Jsoup.parse(
                mvc.perform(entry("preview")).andReturn().getResponse().getContentAsString());
        // items 4,400 (10 %) + 1,080 (8 %) + shipping 800 + COD 330
        assertThat(preview.select("[data-testid=preview-total]").text()).isEqualTo("6,610円");

        MvcResult registered = mvc.perform(entry("register"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(registered.getResponse().getRedirectedUrl().replace("/orders/", ""));
        OrderDetail order = orders.detail(id).orElseThrow();

        assertThat(order.orderNumber()).startsWith("M");
        assertThat(order.connectionId())
                .isEqualTo(channels.ownChannel(Mall.MANUAL).id());
        assertThat(order.serialCode()).isEqualTo(order.orderNumber());
        assertThat(order.total()).isEqualTo(6610);
        assertThat(order.taxLines())
                .containsExactly(
                        new OrderDetail.TaxLine(10, 4400 + 800 + 330, (4400 + 800 + 330) * 10 / 110),
                        new OrderDetail.TaxLine(8, 1080, 1080 * 8 / 108));
        assertThat(order.shipments()).hasSize(2);
        assertThat(order.shipments().get(0).name()).isEqualTo("電話 注文子");
        assertThat(order.shipments().get(0).prefecture()).isEqualTo("大阪府");
        assertThat(order.shipments().get(1).name()).isEqualTo("贈り先 花子");
        assertThat(order.shipments().get(1).items())
                .extracting(OrderDetail.Item::name)
                .containsExactly("手書き茶");
        assertThat(order.history().get(0).actor()).isEqualTo("tanaka");
        assertThat(order.history().get(0).summary()).startsWith("手入力で登録しました");
    }

    @Test
    void aKnownProductCodeFillsNameAndPrice() throws Exception {
        mvc.perform(entry("register")).andExpect(status().is3xxRedirection());

        MvcResult registered = mvc.perform(
                        entry("register", "lines[0].name", "", "lines[0].unitPrice", "", "lines[0].taxRate", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(registered.getResponse().getRedirectedUrl().replace("/orders/", ""));
        assertThat(orders.detail(id).orElseThrow().shipments().get(0).items())
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.name()).isEqualTo("手書きマグ");
                    assertThat(item.unitPrice()).isEqualTo(2200);
                    assertThat(item.taxRate()).isEqualTo(10);
                });
    }

    @Test
    void aPreviewShowsWhatAKnownProductCodeFilledIn() throws Exception {
        mvc.perform(entry("register")).andExpect(status().is3xxRedirection());

        Document preview = Jsoup.parse(
                mvc.perform(entry("preview", "lines[0].name", "", "lines[0].unitPrice", "", "lines[0].taxRate", ""))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(preview.select("input[name='lines[0].name']").val()).isEqualTo("手書きマグ");
        assertThat(preview.select("input[name='lines[0].unitPrice']").val()).isEqualTo("2200");
    }

    @Test
    void everyProblemIsNamedAndNothingIsRegistered() throws Exception {
        long before = orders.list(OrderFilter.none().withStatus("NEW"), 0, 1).total();
        Document page = Jsoup.parse(mvc.perform(entry(
                        "register",
                        "phone",
                        "abc",
                        "lines[0].itemCode",
                        "no-such-code",
                        "lines[0].name",
                        "",
                        "lines[0].unitPrice",
                        "",
                        "lines[1].quantity",
                        "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[data-testid=manual-problems] li").eachText())
                .contains(
                        "[購入者 電話]: 03-1234-5678 のように数字とハイフンで入力してください",
                        "1行目: 商品コード「no-such-code」は見つかりません。商品名と単価を入力してください",
                        "2行目 [数量]: 1〜9,999で入力してください");
        assertThat(orders.list(OrderFilter.none().withStatus("NEW"), 0, 1).total())
                .isEqualTo(before);
    }

    @Test
    void viewersCannotRegister() throws Exception {
        mvc.perform(get("/orders/new").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    }
}
