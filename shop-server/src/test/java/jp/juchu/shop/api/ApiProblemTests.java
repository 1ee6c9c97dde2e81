package jp.juchu.shop.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ApiProblemTests {

    static final String ECHO = "/api/management/v2/_test/echo";
    static final String VALID = """
            {"order_status": "New", "since": "2026-11-21T00:00:00+09:00", "delivery_date": "2026-12-01",
             "from": 0, "size": 100, "shipping": {"tracking_number": "123", "shipped_date": "2026-11-29"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    String shopId;
    IssuedKeys keys;

    @BeforeEach
    void shopWithKeys() {
        shopId = ApiAuthenticationTests.newShop(shops);
        keys = apiKeys.issue(shopId);
    }

    ResultActions echo(String json) throws Exception {
        return mvc.perform(post(ECHO)
                .with(httpBasic(shopId, keys.managerKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions expectBadField(ResultActions result, String field, String message) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)))
                .andExpect(content().string(not(containsString("tools.jackson"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void validRequestPassesInSnakeCase() throws Exception {
        echo(VALID)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.order_status").value("New"))
                .andExpect(jsonPath("$.shipping.tracking_number").value("123"));
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        echo("{\"order_status\": \"New\", ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."))
                .andExpect(jsonPath("$.errors[0].message").value("malformed JSON"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        expectBadField(
                echo(VALID.replace("\"New\"", "\"Shipped\"")),
                "order_status",
                "must be one of [New, Processing, Completed, Cancelled]");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        expectBadField(echo(VALID.replace("\"size\": 100", "\"size\": \"many\"")), "size", "must be a number");
    }

    @Test
    void badDateNamesTheNestedField() throws Exception {
        expectBadField(
                echo(VALID.replace("\"2026-11-29\"", "\"29/11/2026\"")),
                "shipping.shipped_date",
                "must be a date, yyyy-MM-dd");
        expectBadField(
                echo(VALID.replace("\"2026-11-21T00:00:00+09:00\"", "\"yesterday\"")), "since", "must be a date-time");
    }

    @Test
    void sizeOverOneHundredNamesTheField() throws Exception {
        expectBadField(
                echo(VALID.replace("\"size\": 100", "\"size\": 101")), "size", "must be less than or equal to 100");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() throws Exception {
        echo("{\"shipping\": {\"tracking_number\": \"\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'order_status')].message")
                        .value("must not be null"))
                .andExpect(jsonPath("$.errors[?(@.field == 'since')].message").value("must not be null"))
                .andExpect(jsonPath("$.errors[?(@.field == 'shipping.tracking_number')].message")
                        .value("must not be blank"));
    }

    @Test
    void badQueryParameterNamesIt() throws Exception {
        expectBadField(
                mvc.perform(get("/api/item/v2/_test/ranking?period_days=abc").with(httpBasic(shopId, keys.openKey()))),
                "period_days",
                "must be a number");
        expectBadField(
                mvc.perform(get("/api/item/v2/_test/ranking?period_days=0").with(httpBasic(shopId, keys.openKey()))),
                "period_days",
                "must be greater than or equal to 1");
        expectBadField(
                mvc.perform(get("/api/item/v2/_test/ranking").with(httpBasic(shopId, keys.openKey()))),
                "period_days",
                "is required");
    }

    @Test
    void parameterRefusedBySpringMvcMethodValidationIsNamed() throws Exception {
        expectBadField(
                mvc.perform(get("/api/item/v2/_test/reviews?limit=51").with(httpBasic(shopId, keys.openKey()))),
                "limit",
                "must be less than or equal to 50");
    }

    @Test
    void unknownPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/management/v2/no-such-thing").with(httpBasic(shopId, keys.managerKey())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No such API path."));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() throws Exception {
        mvc.perform(put(ECHO).with(httpBasic(shopId, keys.managerKey())))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/method-not-allowed"));
    }

    @Test
    void wrongContentTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
        mvc.perform(post(ECHO)
                        .with(httpBasic(shopId, keys.managerKey()))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/unsupported-media-type"));
    }
}
