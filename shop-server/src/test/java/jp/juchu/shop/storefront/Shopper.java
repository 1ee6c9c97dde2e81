package jp.juchu.shop.storefront;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** One buyer's browser in MockMvc tests: its session and cart cookie carried from request to request. */
final class Shopper {

    private final MockMvc mvc;
    private final String shopId;
    private MockHttpSession session = new MockHttpSession();
    private Cookie cart;

    Shopper(MockMvc mvc, String shopId) {
        this.mvc = mvc;
        this.shopId = shopId;
    }

    MockHttpSession session() {
        return session;
    }

    String base() {
        return "/shops/" + shopId;
    }

    MvcResult get(String path) throws Exception {
        return perform(MockMvcRequestBuilders.get(base() + path));
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(get(path).getResponse().getContentAsString());
    }

    MvcResult post(String path, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post(base() + path).with(csrf());
        params.forEach(request::param);
        return perform(request);
    }

    MvcResult addToCart(String itemCode, int quantity, String... choices) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(base() + "/cart/add")
                .with(csrf())
                .param("itemCode", itemCode)
                .param("quantity", String.valueOf(quantity));
        for (String choice : choices) {
            request.param("choice", choice);
        }
        return perform(request);
    }

    MvcResult login(String account, String password) throws Exception {
        return post("/login", Map.of("account", account, "password", password));
    }

    /** Fills the checkout form for a guest (or a member) sending everything to the buyer's own address. */
    static Map<String, String> buyerForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("buyer.name", "山田 太郎");
        form.put("buyer.kana", "ヤマダ タロウ");
        form.put("buyer.email", "taro@example.jp");
        form.put("buyer.phone", "03-1234-5678");
        form.put("buyer.postalCode", "150-0001");
        form.put("buyer.prefecture", "東京都");
        form.put("buyer.address1", "渋谷区神宮前1-2-3");
        form.put("buyer.address2", "");
        form.put("destinations[0].sameAsBuyer", "true");
        form.put("remarks", "");
        form.put("couponCode", "");
        form.put("paymentMethod", "BankTransfer");
        return form;
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        request.session(session);
        if (cart != null) {
            request.cookie(cart);
        }
        MvcResult result = mvc.perform(request).andReturn();
        Cookie issued = result.getResponse().getCookie("JUCHU_CART");
        if (issued != null) {
            cart = issued;
        }
        if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
            session = current;
        }
        return result;
    }
}
