package jp.juchu.oms.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Login IDs are case-insensitive and unique: {@code ADMIN} and {@code admin} are one user. */
@SpringBootTest
@AutoConfigureMockMvc
class LoginIdTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private static String fresh(String prefix) {
        return prefix + System.nanoTime() % 10_000_000;
    }

    @Test
    void anIdThatDiffersOnlyInCaseIsTakenOnThePageAndInTheService() throws Exception {
        String loginId = fresh("Kato");
        users.add(loginId, "加藤", Role.STAFF, "kato-pass-1234");

        String page = mvc.perform(post("/settings/users")
                        .param("loginId", loginId.toUpperCase())
                        .param("displayName", "加藤 二人目")
                        .param("role", "STAFF")
                        .param("password", "kato-pass-5678")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("このログインIDは既に使われています");
        assertThatThrownBy(() -> users.add(loginId.toLowerCase(), "加藤 三人目", Role.STAFF, "kato-pass-9012"))
                .isInstanceOf(UserChangeRefused.class);
        assertThat(jdbc.sql("select count(*) from app_user where lower(login_id) = lower(?)")
                        .param(loginId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void signingInInAnyCaseIsTheSameUserUnderTheirOwnId() throws Exception {
        String loginId = fresh("Mori");
        users.add(loginId, "森", Role.STAFF, "mori-pass-1234");

        MvcResult login = mvc.perform(post("/login")
                        .param("username", loginId.toUpperCase())
                        .param("password", "mori-pass-1234")
                        .with(csrf()))
                .andReturn();

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        SecurityContext context =
                (SecurityContext) login.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo(loginId);
    }

    @Test
    void theMigrationKeepsTheOldestOfIdsThatDifferOnlyInCaseAndRenamesAndDisablesTheRest() {
        String schema = "login_ids_" + System.nanoTime() % 1_000_000;
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .target("72")
                .load()
                .migrate();
        JdbcClient old = JdbcClient.create(dataSource);
        for (String id : List.of("Sato", "SATO", "sato", "suzuki")) {
            old.sql("insert into " + schema + ".app_user (login_id, display_name, role, password_hash)"
                            + " values (?, ?, 'STAFF', '{noop}x')")
                    .params(id, id)
                    .update();
        }

        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .target("130")
                .load()
                .migrate();

        List<Map<String, Object>> rows = old.sql("select login_id, enabled from " + schema + ".app_user order by id")
                .query()
                .listOfRows();
        assertThat(rows.get(0)).containsEntry("login_id", "Sato").containsEntry("enabled", true);
        assertThat(rows.get(1).get("login_id").toString()).startsWith("SATO-");
        assertThat(rows.get(1)).containsEntry("enabled", false);
        assertThat(rows.get(2).get("login_id").toString()).startsWith("sato-");
        assertThat(rows.get(2)).containsEntry("enabled", false);
        assertThat(rows.get(3)).containsEntry("login_id", "suzuki").containsEntry("enabled", true);
        assertThat(old.sql("select count(*) from " + schema + ".audit_entry where action = 'USER_RENAMED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThatThrownBy(() -> old.sql(
                                "insert into " + schema
                                        + ".app_user (login_id, display_name, role, password_hash) values ('SUZUKI', 'x', 'STAFF', 'x')")
                        .update())
                .hasMessageContaining("app_user_login_id_ci");
        old.sql("drop schema " + schema + " cascade").update();
    }
}
