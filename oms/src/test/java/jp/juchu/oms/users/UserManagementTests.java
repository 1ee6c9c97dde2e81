package jp.juchu.oms.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** ユーザー管理 and 監査ログ through the pages, and who may change anything at all. */
@SpringBootTest
@AutoConfigureMockMvc
class UserManagementTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aViewersPostIsForbiddenEvenWhereStaffMayPost() throws Exception {
        mvc.perform(post("/orders/bulk-status")
                        .param("status", "ON_HOLD")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/users/admin/enabled")
                        .param("enabled", "false")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffCannotOpenUserManagementAuditLogOrDataMaintenance() throws Exception {
        for (String page :
                new String[] {"/settings/users", "/settings/audit", "/maintenance/reset", "/maintenance/delete"}) {
            mvc.perform(get(page).with(user("staff").roles("STAFF"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/settings/users")
                        .param("loginId", "sneaky")
                        .param("displayName", "x")
                        .param("role", "ADMIN")
                        .param("password", "0123456789")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(users.find("sneaky")).isEmpty();
    }

    @Test
    void theSettingsListLinksUserManagementForAdminsOnly() throws Exception {
        mvc.perform(get("/settings").with(user("boss").roles("ADMIN")))
                .andExpect(content().string(containsString("data-testid=\"settings-users\"")))
                .andExpect(content().string(containsString("/maintenance/delete")));
        mvc.perform(get("/settings").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("settings-users"))));
    }

    @Test
    void anAdminAddsAUserAndTheAuditLogShowsWhoDidIt() throws Exception {
        String login = "sato" + System.nanoTime();
        mvc.perform(post("/settings/users")
                        .param("loginId", login)
                        .param("displayName", "佐藤 一郎")
                        .param("role", "STAFF")
                        .param("password", "correct-horse")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/users"));

        assertThat(users.find(login)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.STAFF);
            assertThat(u.enabled()).isTrue();
        });
        mvc.perform(get("/settings/users").with(user("boss").roles("ADMIN")))
                .andExpect(content().string(containsString(login)));
        mvc.perform(get("/settings/audit")
                        .param("action", "USER_ADDED")
                        .with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("user:" + login)))
                .andExpect(content().string(containsString("boss")));
    }

    @Test
    void aTooShortInitialPasswordNamesThePasswordFieldAndAddsNobody() throws Exception {
        String login = "short" + System.nanoTime();
        mvc.perform(post("/settings/users")
                        .param("loginId", login)
                        .param("displayName", "短い")
                        .param("role", "VIEWER")
                        .param("password", "123456789")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(containsString("パスワードは10文字以上")));
        assertThat(users.find(login)).isEmpty();
    }

    @Test
    @Transactional // rolled back: the other test classes sign in as the initial admin
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() throws Exception {
        jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and login_id <> 'admin'")
                .update();

        mvc.perform(post("/settings/users/admin/role")
                        .param("role", "STAFF")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("refused", "users.refused.LAST_ADMIN"));
        mvc.perform(post("/settings/users/admin/enabled")
                        .param("enabled", "false")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("refused", "users.refused.LAST_ADMIN"));

        assertThat(users.find("admin")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.ADMIN);
            assertThat(u.enabled()).isTrue();
        });
    }

    @Test
    @Transactional
    void anAdminCanDemoteAnotherAdminButNotDisableThemselves() throws Exception {
        String other = "second" + System.nanoTime();
        users.add(other, "二人目", Role.ADMIN, "0123456789", "test");

        mvc.perform(post("/settings/users/admin/enabled")
                        .param("enabled", "false")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("refused", "users.refused.OWN_ACCOUNT"));
        mvc.perform(post("/settings/users/" + other + "/role")
                        .param("role", "VIEWER")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("done", "users.roleChanged"));

        assertThat(users.find(other).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }
}
