package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The merchant's own statuses: added at the end, renamed, moved, removed only when empty; built-ins stay. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkflowStatusesTests {

    @Autowired
    WorkflowStatuses statuses;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void anAddedStatusBecomesTheLastTabAndCanBeRenamedMovedAndRemoved() {
        String name = "要電話" + System.nanoTime() % 100000;
        WorkflowStatuses.Status added = statuses.add(name, "admin");
        assertThat(codes().get(codes().size() - 1)).isEqualTo(added.code());
        assertThat(orders.statuses()).extracting(Orders.WorkflowStatus::name).contains(name);

        statuses.rename(added.code(), name + "済", "admin");
        statuses.move(added.code(), -1, "admin");
        List<String> codes = codes();
        assertThat(codes.indexOf(added.code())).isEqualTo(codes.size() - 2);
        assertThat(statuses.all().stream().filter(s -> s.code().equals(added.code())))
                .singleElement()
                .extracting(WorkflowStatuses.Status::name)
                .isEqualTo(name + "済");

        statuses.remove(added.code(), "admin");
        assertThat(codes()).doesNotContain(added.code());
        assertThat(jdbc.sql("select count(*) from audit_entry where target = ?")
                        .param("status:" + added.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void builtInStatusesAndStatusesHoldingOrdersAreNotRemovedAndNamesStayUnique() {
        assertThatThrownBy(() -> statuses.remove("ON_HOLD", "admin")).hasMessageContaining("標準のステータスなので削除できません");
        assertThatThrownBy(() -> statuses.add("保留", "admin")).hasMessage("「保留」という名前のステータスはもうあります");
        assertThatThrownBy(() -> statuses.add(" ", "admin")).hasMessage("ステータス名は1〜20文字で入力してください");

        WorkflowStatuses.Status busy = statuses.add("検品中" + System.nanoTime() % 100000, "admin");
        long id = SampleOrders.apply(
                orders, jdbc, 6060, SampleOrders.order("busy" + System.nanoTime(), java.time.OffsetDateTime.now()));
        workflow.move(id, busy.code(), Actor.person("admin", true), false);
        assertThatThrownBy(() -> statuses.remove(busy.code(), "admin")).hasMessageContaining("受注が 1 件あるため削除できません");
        workflow.move(id, "NEW", Actor.person("admin", true), false);
        statuses.remove(busy.code(), "admin");
    }

    @Test
    void staffCannotChangeTheStatuses() throws Exception {
        mvc.perform(post("/settings/statuses")
                        .param("name", "勝手に")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private List<String> codes() {
        return statuses.all().stream().map(WorkflowStatuses.Status::code).toList();
    }
}
