package jp.juchu.oms.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.juchu.oms.purchasing.internal.PurchaseOrder;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The purchasing pages in both languages: in English no Japanese outside the user's own data, in Japanese the pages'
 * own wording — one of each page, filled with data named in ASCII.
 */
class PurchasingPagesLanguageTests extends PurchasingPagesTestBase {

    /** Kana, kanji and Japanese punctuation; yen amounts (1,234円) are the house format in both languages. */
    private static final Pattern JAPANESE = Pattern.compile(
            "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}]");

    private static final Pattern YEN = Pattern.compile("-?[0-9][0-9,]*円");

    /** One of each purchasing page, filled with data named in ASCII so any Japanese left is the page's own wording. */
    private Map<String, Integer> everyPurchasingPage(List<String> mine) throws Exception {
        String base = "EN" + PurchasingFixture.unique();
        String live = base + "A";
        String snoozed = base + "B";
        String ordered = base + "C";
        String madeToOrder = base + "D";
        Map<String, String> f = new LinkedHashMap<>();
        String supplier = "S" + PurchasingFixture.unique();
        f.put("code", supplier);
        f.put("name", "Green Leaf Trading " + supplier);
        f.put("email", supplier.toLowerCase() + "@supplier.example.jp");
        f.put("contactPerson", "Tanaka");
        f.put("leadTimeDays", "3");
        f.put("minimumAmount", "0");
        f.put("paymentTerms", "Net 30");
        f.put("sendMethod", "EMAIL");
        f.put("orderNote", "Deliver to the back door");
        long supplierId = suppliers.save(null, f);
        fx.sku(live, "Sencha " + live, 1, false);
        long snoozedSku = fx.sku(snoozed, "Hojicha " + snoozed, 0, false);
        fx.sku(ordered, "Matcha " + ordered, 0, false);
        fx.sku(madeToOrder, "Gift box " + madeToOrder, 0, true);
        settings(live, supplier, "3", "12", "2", true);
        settings(snoozed, supplier, "3", "12", "", false);
        settings(ordered, supplier, "", "", "", false);
        mvc.perform(post("/purchasing/suggestions/" + fx.suggestionId(snoozedSku) + "/snooze")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        long partial = newOrder(supplier, ordered);
        mvc.perform(post("/purchasing/orders/" + partial + "/place")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        PurchaseOrder po = purchaseOrders.find(partial).orElseThrow();
        mvc.perform(post("/purchasing/orders/" + partial + "/receive")
                        .param("recv_" + po.lines().get(0).id(), "2")
                        .param("note", "first box")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // overdue, and so first on the inbound schedule
        jdbc.sql("update purchase_order set due_on = date '2000-01-03' where id = ?")
                .param(partial)
                .update();
        long draft = newOrder(supplier, ordered);
        String draftNumber = purchaseOrders.find(draft).orElseThrow().number();
        mvc.perform(post("/purchasing/receipts")
                        .param("code", ordered)
                        .param("quantity", "1")
                        .param("unitCost", "300")
                        .param("note", "sample")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mine.addAll(List.of(base, supplier, po.number(), draftNumber));

        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/purchasing/suggestions", 200);
        pages.put("/purchasing/suggestions?snoozed=true", 200);
        pages.put("/purchasing/orders?q=" + po.number(), 200);
        pages.put("/purchasing/orders/new", 200);
        pages.put("/purchasing/orders/" + partial, 200);
        pages.put("/purchasing/orders/" + draft, 200);
        pages.put("/purchasing/inbound", 200);
        pages.put("/purchasing/receipts", 200);
        pages.put("/purchasing/suppliers", 200);
        pages.put("/purchasing/suppliers/new", 200);
        pages.put("/purchasing/suppliers/" + supplierId, 200);
        pages.put("/purchasing/products?q=" + base, 200);
        pages.put("/purchasing/products/" + madeToOrder, 200);
        pages.put("/purchasing/orders/99999999", 404);
        return pages;
    }

    private void settings(
            String code, String supplier, String reorderPoint, String orderUpTo, String leadTime, boolean sellInbound)
            throws Exception {
        mvc.perform(post("/purchasing/products/" + code)
                        .param("supplier", supplier)
                        .param("purchasePrice", "300")
                        .param("reorderPoint", reorderPoint)
                        .param("orderUpTo", orderUpTo)
                        .param("lotSize", "1")
                        .param("leadTimeDays", leadTime)
                        .param("sellInbound", String.valueOf(sellInbound))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private long newOrder(String supplier, String code) throws Exception {
        String location = mvc.perform(post("/purchasing/orders/new")
                        .param("supplier", supplier)
                        .param("dueOn", LocalDate.now().plusDays(10).toString())
                        .param("note", "Leave at reception")
                        .param("new_code_0", code)
                        .param("new_qty_0", "5")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The page's main part with other tests' rows, groups and suppliers taken out, and reasons from services. */
    private static Element ownPart(Document page, List<String> mine) {
        Element main = page.selectFirst("main");
        assertThat(main).isNotNull();
        for (Element row :
                main.select("[data-testid=suggestion-row], [data-testid=order-row], [data-testid=inbound-row],"
                        + " [data-testid=receipt-row], [data-testid=supplier-row], [data-testid=sku-row]")) {
            if (mine.stream().noneMatch(m -> row.outerHtml().contains(m))) {
                row.remove();
            }
        }
        for (Element group : main.select("[data-testid=supplier-group]")) {
            if (group.select("tbody tr").isEmpty()) {
                group.remove();
            }
        }
        for (Element option : main.select("select[name=supplier] option[value~=.]")) {
            if (mine.stream().noneMatch(m -> option.text().contains(m))) {
                option.remove();
            }
        }
        main.select("[data-testid=error], [data-testid=saved]").remove();
        return main;
    }

    @Test
    void inEnglishNoPurchasingPageShowsJapaneseOutsideUserData() throws Exception {
        List<String> mine = new ArrayList<>();
        Map<String, Integer> pages = everyPurchasingPage(mine);
        for (Map.Entry<String, Integer> entry : pages.entrySet()) {
            Document page = page(entry.getKey(), "en", entry.getValue());
            Element main = ownPart(page, mine);
            List<String> texts = new ArrayList<>();
            texts.add(page.title());
            texts.add(main.text());
            for (Element element : main.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    texts.add(attribute.getKey() + "=" + attribute.getValue());
                }
            }
            for (String text : texts) {
                assertThat(JAPANESE.matcher(YEN.matcher(text).replaceAll("")).find())
                        .as(entry.getKey() + ": " + text)
                        .isFalse();
            }
        }
        String partial = pages.keySet().stream().toList().get(4);
        Document order = page(partial, "en", 200);
        assertThat(order.select("[data-testid=po-status]").text()).isEqualTo("Partly received");
        assertThat(order.select("[data-testid=overdue]").text()).isEqualTo("Overdue");
        assertThat(order.select("[data-testid=sent]").text()).isEqualTo("Not sent");
        assertThat(order.select("h1").text()).startsWith("Purchase order " + mine.get(2));
        Document draft = page(pages.keySet().stream().toList().get(5), "en", 200);
        assertThat(draft.select("form:has([data-testid=cancel])").attr("data-confirm"))
                .isEqualTo("Cancel this purchase order?");
        Document snoozed = page("/purchasing/suggestions?snoozed=true", "en", 200);
        assertThat(snoozed.select("[data-testid=suggestion-row][data-code=" + mine.get(0) + "B]")
                        .text())
                .containsPattern("Snoozed until \\d{4}/\\d{2}/\\d{2}")
                .contains("Unsnooze");
        assertThat(page("/purchasing/suggestions", "en", 200)
                        .select("[data-testid=show-snoozed]")
                        .text())
                .startsWith("Also show the ")
                .contains("snoozed suggestion");
        Element supplierRow = page("/purchasing/suppliers", "en", 200)
                .select("[data-testid=supplier-row]:contains(" + mine.get(1) + ")")
                .first();
        assertThat(supplierRow.text()).contains("3 days", "Email (PDF attached)", "Active");
        assertThat(page("/purchasing/products?q=" + mine.get(0), "en", 200)
                        .select("[data-testid=sku-row]")
                        .eachText())
                .anySatisfy(row -> assertThat(row).contains("2 days", "Yes"))
                .anySatisfy(row -> assertThat(row).contains("Supplier's"));
        mvc.perform(resaveSettings(mine).cookie(new Cookie("juchu-lang", "en")))
                .andExpect(flash().attribute("saved", "Purchasing settings for " + mine.get(0) + "C saved"));
    }

    private static MockHttpServletRequestBuilder resaveSettings(List<String> mine) {
        return post("/purchasing/products/" + mine.get(0) + "C")
                .param("supplier", mine.get(1))
                .param("purchasePrice", "300")
                .param("lotSize", "1")
                .with(user("staff").roles("STAFF"))
                .with(csrf());
    }

    @Test
    void inJapaneseThePurchasingPagesKeepTheirJapaneseWording() throws Exception {
        List<String> mine = new ArrayList<>();
        List<String> urls = List.copyOf(everyPurchasingPage(mine).keySet());
        Map<String, List<String>> wording = new LinkedHashMap<>();
        wording.put(urls.get(0), List.of("発注候補一覧", "在庫+発注中", "7日間保留", "発注伝票を作成"));
        wording.put(urls.get(1), List.of("まで保留", "解除", "保留中を隠す"));
        wording.put(urls.get(2), List.of("発注伝票一覧", "すべての状態", "一部入荷", "納期超過", "メール送信"));
        wording.put(urls.get(3), List.of("発注伝票の新規作成", "(選んでください)", "単価 (空欄: 仕入単価)", "下書きを作成"));
        wording.put(urls.get(4), List.of("発注伝票 " + mine.get(2), "一部入荷", "納期超過", "未送信", "今回の入荷数", "入荷履歴"));
        wording.put(urls.get(5), List.of("下書き", "削除", "発注する", "キャンセル"));
        wording.put(urls.get(6), List.of("入荷予定", "発注済・一部入荷の発注伝票を納期の早い順に表示します。", "納期超過"));
        wording.put(urls.get(7), List.of("発注伝票のある入荷は、発注伝票の画面 (入荷予定から開けます) で入力します。", "(発注なし)", "入荷する"));
        wording.put(urls.get(8), List.of("仕入先一覧", "仕入先を登録", "3日", "メール (PDF添付)", "有効"));
        wording.put(urls.get(9), List.of("仕入先の登録", "仕入先コード (半角英数字とハイフン、10文字まで)", "印刷 (FAX・郵送)"));
        wording.put(urls.get(10), List.of("仕入先の編集", "発注書の備考 (発注書に印字、500文字・10行まで)", "一覧へ戻る"));
        wording.put(urls.get(11), List.of("商品の発注設定", "仕入先の日数", "2日", "入荷予定を販売"));
        wording.put(urls.get(12), List.of("発注設定: " + mine.get(0) + "D", "受注生産の商品です", "発注点 (空欄: 発注候補を出さない)"));
        wording.put(urls.get(13), List.of("発注処理", "発注伝票が見つかりません", "発注候補一覧へ"));
        for (Map.Entry<String, List<String>> entry : wording.entrySet()) {
            int status = entry.getKey().endsWith("/99999999") ? 404 : 200;
            Document page = page(entry.getKey(), null, status);
            assertThat(page.selectFirst("main").text()).as(entry.getKey()).contains(entry.getValue());
        }
        assertThat(page(urls.get(5), null, 200)
                        .select("form:has([data-testid=cancel])")
                        .attr("data-confirm"))
                .isEqualTo("この発注伝票をキャンセルしますか？");
        mvc.perform(resaveSettings(mine)).andExpect(flash().attribute("saved", mine.get(0) + "C の発注設定を保存しました"));
    }
}
