package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A viewer never sees any part of a stored key; an admin sees its first characters to tell keys apart. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityKeyHintTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAnAdminSeesTheFirstCharactersOfAStoredKey() throws Exception {
        long id = jdbc.sql("""
                        insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc, open_key_hint,
                            manager_key_hint, auto_fetch, management_url, item_url)
                        values ('SHOP_SERVE', ?, 'x', 'x', 'OPHINT12', 'MGHINT34', false,
                            'http://localhost:1/unused', 'http://localhost:1/unused')
                        returning id""")
                .param("hint-shop-" + System.nanoTime() % 1_000_000)
                .query(Long.class)
                .single();

        try {
            assertTheHintIsTheAdminsAlone(id);
        } finally {
            jdbc.sql("delete from mall_connection where id = ?").param(id).update();
        }
    }

    private void assertTheHintIsTheAdminsAlone(long id) throws Exception {
        String viewer = mvc.perform(
                        get("/settings/mall-details/" + id).with(user("viewer").roles("VIEWER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String admin = mvc.perform(
                        get("/settings/mall-details/" + id).with(user("admin").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(viewer).doesNotContain("OPHINT").doesNotContain("MGHINT").contains("••••••••");
        assertThat(admin).contains("OPHINT12••••••••").contains("MGHINT34••••••••");
    }
}
