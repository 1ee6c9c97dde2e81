package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.security.Routes.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the OMS, read from its handler mapping, refuses an anonymous request unless it is public by
 * design; every form needs a CSRF token. A new controller method is covered without touching this class: if
 * it is not protected, {@link #everyRouteRefusesAnAnonymousRequest} fails and names it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityRoutesTests {

    /** Public by design; everything else needs a signed-in user. (Static files and actuator health are not MVC routes.) */
    static final Set<String> PUBLIC = Set.of(
            // the way in
            "GET /login",
            // Spring Boot's error page: shows a status, never data
            "GET /error",
            "POST /error",
            // the shops' change notifications: no session, authenticated by their HMAC signature and refused
            // without it (NotificationImportTests)
            "POST /api/notifications/{connectionId}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private Routes routes() {
        return Routes.of(mapping);
    }

    private static MockHttpServletRequestBuilder request(Route route) {
        return MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), route.path());
    }

    /** A redirect to the login page, or 401/403. */
    static boolean refused(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return true;
        }
        String location = response.getRedirectedUrl();
        return status >= 300 && status < 400 && location != null && location.endsWith("/login");
    }

    @Test
    void everyRouteRefusesAnAnonymousRequest() throws Exception {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Route route : routes().all()) {
            if (PUBLIC.contains(route.toString())) {
                continue;
            }
            MockHttpServletRequestBuilder request = request(route);
            if (route.unsafe()) {
                request.with(csrf()); // so that it is authentication that refuses, not CSRF
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (!refused(response)) {
                open.add(route + " -> " + response.getStatus() + " " + response.getRedirectedUrl());
            }
            checked++;
        }
        assertThat(open).as("routes open to anyone but not in the allow-list").isEmpty();
        assertThat(checked).as("the whole OMS was enumerated").isGreaterThan(40);
    }

    @Test
    void theAllowListNamesOnlyRoutesThatExist() {
        Set<String> existing = new HashSet<>();
        routes().all().forEach(r -> existing.add(r.toString()));
        assertThat(existing).containsAll(PUBLIC);
    }

    @Test
    void everyFormRefusesARequestWithoutCsrfToken() throws Exception {
        List<String> unprotected = new ArrayList<>();
        List<Route> forms = new ArrayList<>(routes().all().stream()
                .filter(Route::unsafe)
                .filter(r -> !r.pattern().equals("/error"))
                // not a form: a machine's signed POST without cookies, exempt from CSRF on purpose
                .filter(r -> !r.pattern().startsWith("/api/notifications/"))
                .toList());
        // handled by filters, not controllers
        forms.add(new Route("POST", "/login"));
        forms.add(new Route("POST", "/logout"));
        for (Route route : forms) {
            for (String role : List.of("STAFF", "ADMIN")) {
                MockHttpServletResponse response = mvc.perform(
                                request(route).with(user("csrf-" + role).roles(role)))
                        .andReturn()
                        .getResponse();
                if (response.getStatus() != 403) {
                    unprotected.add(route + " as " + role + " -> " + response.getStatus());
                }
            }
        }
        assertThat(unprotected)
                .as("forms that take a request without CSRF token")
                .isEmpty();
        assertThat(forms).extracting(Route::pattern).contains("/orders/bulk-status", "/settings/mall-details/{id}");
    }

    @Test
    void theSameFormWithItsTokenPassesTheCsrfCheck() throws Exception {
        // proves the 403 above comes from the missing token, not from the role or the dummy data
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/orders/saved-searches")
                        .param("name", "CSRF対照")
                        .param("query", "?keyword=x")
                        .with(user("csrf-control").roles("STAFF"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
    }
}
