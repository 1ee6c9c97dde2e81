package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.security.Routes.Route;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the shop server, read from its handler mapping, refuses an anonymous request unless it is
 * public by design; every form needs a CSRF token. A new controller method is covered without touching this
 * class: if it is not protected, {@link #everyRouteRefusesAnAnonymousRequest} fails and names it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityRoutesTests {

    /**
     * Public by design. Everything else must refuse an anonymous request. The platform API ({@code /api/**}) is
     * not listed: it answers 401 itself, and the test checks that it does.
     */
    static final Set<String> PUBLIC = Set.of(
            // the merchant's way in: "/" sends to the admin (or its login), the login page itself
            "GET /",
            "GET /admin/login",
            // Spring Boot's error page: shows a status, never data
            "GET /error",
            "POST /error",
            // the OpenAPI document and its viewer describe the public API, no shop data
            "GET /v3/api-docs",
            "GET /v3/api-docs.yaml",
            "GET /v3/api-docs/{group}",
            "GET /v3/api-docs/swagger-config",
            "GET /swagger-ui.html",
            // the storefront: browsing, the cart and the guest checkout are for anyone
            "GET /shops/{shopId}",
            "GET /shops/{shopId}/",
            "GET /shops/{shopId}/category",
            "GET /shops/{shopId}/search",
            "GET /shops/{shopId}/items/{itemCode}",
            // the shop's 特定商取引法 page must be public by law
            "GET /shops/{shopId}/law",
            // the shop's uploaded images, found by shop and random id together (ShopImagesTests)
            "GET /shops/{shopId}/images/{imageId}",
            "GET /shops/{shopId}/images/{imageId}/{name}",
            "GET /shops/{shopId}/cart",
            "POST /shops/{shopId}/cart/add",
            "POST /shops/{shopId}/cart/update",
            "POST /shops/{shopId}/cart/remove",
            "GET /shops/{shopId}/checkout",
            "POST /shops/{shopId}/checkout",
            "GET /shops/{shopId}/checkout/confirm",
            "POST /shops/{shopId}/checkout/place",
            "GET /shops/{shopId}/checkout/thanks",
            // a member's way in
            "GET /shops/{shopId}/login",
            "POST /shops/{shopId}/login",
            "GET /shops/{shopId}/register",
            // the shop's published files (FTP /docs/); a protected directory asks for its own Basic password
            "GET /shops/{shopId}/docs",
            "GET /shops/{shopId}/docs/**",
            "POST /shops/{shopId}/register");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "sec" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "セキュリティ店", "pass-" + shopId);
    }

    private Routes routes() {
        return Routes.of(mapping);
    }

    private static MockHttpServletRequestBuilder request(Route route, String path) {
        return MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), path);
    }

    /** A redirect to a login page, or 401/403. */
    static boolean refused(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return true;
        }
        String location = response.getRedirectedUrl();
        return status >= 300 && status < 400 && location != null && location.contains("/login");
    }

    private static boolean api(Route route) {
        return route.pattern().startsWith("/api/");
    }

    @Test
    void everyRouteRefusesAnAnonymousRequest() throws Exception {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Route route : routes().all()) {
            if (PUBLIC.contains(route.toString())) {
                continue;
            }
            MockHttpServletRequestBuilder request = request(route, route.path(shopId));
            if (route.unsafe()) {
                request.with(csrf()); // so that it is authentication that refuses, not CSRF
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            boolean refused = api(route) ? response.getStatus() == 401 : refused(response);
            if (!refused) {
                open.add(route + " -> " + response.getStatus() + " " + response.getRedirectedUrl());
            }
            checked++;
        }
        assertThat(open).as("routes open to anyone but not in the allow-list").isEmpty();
        assertThat(checked).as("the admin and the API were enumerated").isGreaterThan(40);
    }

    @Test
    void theAllowListNamesOnlyRoutesThatExist() {
        Set<String> existing = new java.util.HashSet<>();
        routes().all().forEach(r -> existing.add(r.toString()));
        assertThat(existing).containsAll(PUBLIC);
    }

    @Test
    void everyFormRefusesARequestWithoutCsrfToken() throws Exception {
        List<String> unprotected = new ArrayList<>();
        List<Route> forms = new ArrayList<>(routes().all().stream()
                .filter(Route::unsafe)
                .filter(r -> !api(r) && !r.pattern().equals("/error"))
                .toList());
        // handled by filters, not controllers: the logins and logouts
        forms.add(new Route("POST", "/admin/login"));
        forms.add(new Route("POST", "/admin/logout"));
        forms.add(new Route("POST", "/shops/{shopId}/logout"));
        for (Route route : forms) {
            String path = route.path(shopId);
            MockHttpServletRequestBuilder request = request(route, path);
            if (path.startsWith("/admin/")) {
                request.with(user(shopId).roles("MERCHANT"));
            } else {
                request.with(user(shopId + ":member1").roles("MEMBER"));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() != 403) {
                unprotected.add(route + " -> " + response.getStatus());
            }
        }
        assertThat(unprotected)
                .as("forms that take a request without CSRF token")
                .isEmpty();
        assertThat(forms).extracting(Route::pattern).contains("/admin/products", "/shops/{shopId}/cart/add");
    }

    @Test
    void theSameFormWithItsTokenPassesTheCsrfCheck() throws Exception {
        // proves the 403 above comes from the missing token, not from the role or the dummy data
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/admin/categories")
                        .param("name", "テスト分類")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isNotEqualTo(403);
    }

    @Test
    void theApiIsExemptFromCsrfOnPurposeBecauseNoCookieOpensIt() throws Exception {
        IssuedKeys keys = apiKeys.issue(shopId);
        // a state-changing API call with its key and no CSRF token goes through: the chain is stateless...
        MockHttpServletResponse withKey = mvc.perform(MockMvcRequestBuilders.put("/api/management/v2/items")
                        .with(httpBasic(shopId, keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item_code\":\"csrf-1\",\"item_name\":\"API商品\",\"item_price\":980}"))
                .andReturn()
                .getResponse();
        assertThat(withKey.getStatus()).isBetween(200, 299);
        assertThat(withKey.getCookie("SHOPSESSION")).isNull();

        // ...and a signed-in merchant's session (what a forged cross-site request would carry) does not open it.
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse withSession = mvc.perform(MockMvcRequestBuilders.put("/api/management/v2/items")
                        .session(session)
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item_code\":\"csrf-2\",\"item_name\":\"API商品\",\"item_price\":980}"))
                .andReturn()
                .getResponse();
        assertThat(withSession.getStatus()).isEqualTo(401);
    }
}
