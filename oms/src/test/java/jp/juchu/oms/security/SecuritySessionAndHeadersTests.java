package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.users.Role;
import jp.juchu.oms.users.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A login always starts a new session; every page carries the headers that keep it out of frames and caches. */
@SpringBootTest
@AutoConfigureMockMvc
class SecuritySessionAndHeadersTests {

    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Test
    void loginReplacesTheSessionId() throws Exception {
        String loginId = "fixation" + USERS.incrementAndGet() + System.nanoTime() % 100_000;
        users.add(loginId, "固定化 テスト", Role.STAFF, "staff-pass-1234");
        MockHttpSession before = new MockHttpSession();
        mvc.perform(get("/orders").session(before)); // an anonymous visit that starts a session
        String idBefore = before.getId();

        MvcResult login = mvc.perform(post("/login")
                        .session(before)
                        .param("username", loginId)
                        .param("password", "staff-pass-1234")
                        .with(csrf()))
                .andReturn();

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(before.isInvalid())
                .as("the session from before the login is gone")
                .isTrue();
        MockHttpSession after = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
        assertThat(mvc.perform(get("/orders").session(after))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private static void assertPageHeaders(MockHttpServletResponse page) {
        assertThat(page.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndSignedInPagesAreNeverCached() throws Exception {
        for (String url : new String[] {"/", "/orders", "/customers", "/settings"}) {
            MockHttpServletResponse page = mvc.perform(
                            get(url).with(user("staff").roles("STAFF")))
                    .andReturn()
                    .getResponse();
            assertThat(page.getStatus()).as(url).isEqualTo(200);
            assertPageHeaders(page);
            assertThat(page.getHeader("Cache-Control")).as(url).contains("no-store");
        }
        assertPageHeaders(mvc.perform(get("/login")).andReturn().getResponse());
    }
}
