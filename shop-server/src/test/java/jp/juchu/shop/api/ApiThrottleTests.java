package jp.juchu.shop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(
        properties = {
            "shop.api.rate-limit-per-minute=5",
            "shop.api.brute-force.max-failures-per-address=3",
            "shop.api.brute-force.max-failures-per-shop=6",
            "shop.api.brute-force.window=10m"
        })
@AutoConfigureMockMvc
class ApiThrottleTests {

    static final String ITEM = ApiAuthenticationTests.ITEM;

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    ResultActions call(String address, String user, String key) throws Exception {
        return mvc.perform(get(ITEM).with(httpBasic(user, key)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }));
    }

    @Test
    void keyOverItsRateLimitGets429WithRetryAfter() throws Exception {
        String shopId = ApiAuthenticationTests.newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        for (int i = 0; i < 5; i++) {
            call("10.1.0.1", shopId, keys.openKey()).andExpect(status().isOk());
        }
        MockHttpServletResponse limited = call("10.1.0.1", shopId, keys.openKey())
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/too-many-requests"))
                .andReturn()
                .getResponse();
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);

        // The limit is per key: the shop's other key still has its own budget.
        call("10.1.0.1", shopId, keys.managerKey()).andExpect(status().isOk());
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledBeforeTheKeyIsChecked() throws Exception {
        String shopId = ApiAuthenticationTests.newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        for (int i = 0; i < 3; i++) {
            call("10.2.0.1", shopId, "guess-" + i).andExpect(status().isUnauthorized());
        }
        MockHttpServletResponse blocked = call("10.2.0.1", shopId, keys.openKey())
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/too-many-requests"))
                .andReturn()
                .getResponse();
        assertThat(Long.parseLong(blocked.getHeader("Retry-After"))).isBetween(1L, 600L);

        // Another address with the right key is not affected.
        call("10.2.0.2", shopId, keys.openKey()).andExpect(status().isOk());
    }

    @Test
    void repeatedFailuresAgainstOneShopAreThrottledFromAnyAddress() throws Exception {
        String shopId = ApiAuthenticationTests.newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        for (int i = 0; i < 6; i++) {
            call("10.3.0." + i, shopId, "guess-" + i).andExpect(status().isUnauthorized());
        }
        call("10.3.1.1", shopId, "guess-again")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value("Too many failed authentications: try again later."));
        call("10.3.1.2", shopId, keys.openKey()).andExpect(status().isTooManyRequests());
    }
}
