package jp.juchu.oms.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import jp.juchu.oms.purchasing.internal.PurchaseOrder;
import jp.juchu.oms.purchasing.internal.PurchaseOrderStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The purchasing pages: each opens, a hostile form comes back, and the path from suggestion to receipt. */
class PurchasingPagesTests extends PurchasingPagesTestBase {

    @Test
    void everyPurchasingPageOpensFromTheMenu() throws Exception {
        Document home = page("/purchasing");
        assertThat(home.select("[data-testid=menu-purchasing]").attr("href")).isEqualTo("/purchasing");
        for (String url : new String[] {
            "/purchasing/suggestions",
            "/purchasing/orders",
            "/purchasing/orders/new",
            "/purchasing/inbound",
            "/purchasing/receipts",
            "/purchasing/suppliers",
            "/purchasing/suppliers/new",
            "/purchasing/products"
        }) {
            assertThat(page(url).select("h1").text()).isNotBlank();
        }
        mvc.perform(get("/purchasing/orders/99999999").with(user("staff").roles("STAFF")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aHostileSupplierFormComesBackWithEachProblemInJapaneseAndWhatWasTyped() throws Exception {
        String body = mvc.perform(post("/purchasing/suppliers/new")
                        .param("code", "これはだめ")
                        .param("name", "x".repeat(101))
                        .param("leadTimeDays", "-1")
                        .param("minimumAmount", "999999999999999999999")
                        .param("sendMethod", "EMAIL")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(body);
        assertThat(doc.select("[data-testid=error]").eachText())
                .contains(
                        "仕入先コード: 半角英数字とハイフン (-) の10文字以内で入力してください",
                        "仕入先名: 100文字以内で入力してください",
                        "リードタイム (日): 0〜365 の範囲で入力してください",
                        "最低発注金額 (円): 0〜99,999,999 の整数で入力してください",
                        "メールアドレス: 発注書をメールで送る仕入先には入力してください");
        assertThat(doc.select("[data-testid=code]").val()).isEqualTo("これはだめ");
        mvc.perform(post("/purchasing/suppliers/new")
                        .param("code", "NOPE")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void fromSuggestionToPurchaseOrderPdfCsvMailAndReceiptThroughThePages() throws Exception {
        String supplier = fx.supplier(4, 0);
        String code = "G" + PurchasingFixture.unique();
        long sku = fx.sku(code, 1);
        mvc.perform(post("/purchasing/products/" + code)
                        .param("supplier", supplier)
                        .param("purchasePrice", "420")
                        .param("reorderPoint", "3")
                        .param("orderUpTo", "12")
                        .param("lotSize", "1")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document list = page("/purchasing/suggestions");
        var row = list.select("[data-testid=suggestion-row][data-code=" + code + "]");
        assertThat(row.select("[data-testid=quantity]").val()).isEqualTo("11");
        String qtyName = row.select("[data-testid=quantity]").attr("name");
        String pickName = row.select("[data-testid=pick]").attr("name");

        // a hostile quantity is refused, nothing ordered
        mvc.perform(post("/purchasing/suggestions/order")
                        .param(pickName, "on")
                        .param(qtyName, "１e9")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.suggestions(sku)).containsExactly(11);

        String location = mvc.perform(post("/purchasing/suggestions/order")
                        .param(pickName, "on")
                        .param(qtyName, "12")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long poId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/purchasing/orders/" + poId + "/place")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();
        assertThat(po.status()).isEqualTo(PurchaseOrderStatus.ORDERED);

        MockHttpServletResponse pdf = mvc.perform(get("/purchasing/orders/" + poId + "/pdf")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        byte[] csv = mvc.perform(get("/purchasing/orders/" + poId + "/csv")
                        .param("encoding", "sjis")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(csv, java.nio.charset.Charset.forName("windows-31j")))
                .contains(po.number(), code, "5040");

        mvc.perform(post("/purchasing/orders/" + poId + "/send")
                .param("to", "")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
        Document detail = page("/purchasing/orders/" + poId);
        assertThat(detail.select("[data-testid=sent]").text())
                .contains("staff")
                .contains(supplier.toLowerCase() + "@supplier.example.jp");

        mvc.perform(post("/purchasing/orders/" + poId + "/receive")
                .param("recv_" + po.lines().get(0).id(), "5")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
        assertThat(fx.level(sku).onHand()).isEqualTo(6);
        detail = page("/purchasing/orders/" + poId);
        assertThat(detail.select("[data-testid=po-status]").text()).isEqualTo("一部入荷");
        assertThat(detail.select("[data-testid=remaining]").text()).isEqualTo("7");
        assertThat(page("/purchasing/inbound")
                        .select("[data-testid=inbound-row]")
                        .text())
                .contains(po.number());
    }
}
