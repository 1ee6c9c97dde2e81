package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PaymentKindsTests {

    @Autowired
    PaymentKinds kinds;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void forgetAddedMethods() {
        jdbc.sql("delete from payment_kind where method in ('AtoBarai', 'GiftCard')")
                .update();
    }

    long unpaid(String method) {
        return SampleOrders.apply(
                orders,
                jdbc,
                8201,
                SampleOrders.order(
                        "pk" + System.nanoTime(), OffsetDateTime.now(), "後払 太郎", method, "Unpaid", "x", 1000));
    }

    @Test
    void anUnpaidDeferredPaymentShipsButAnUnknownMethodWaitsLikePrepaid() {
        kinds.save(Map.of("AtoBarai", PaymentKinds.Kind.DEFERRED), "admin");
        long deferred = unpaid("AtoBarai");
        long unknown = unpaid("GiftCard");

        workflow.move(deferred, "READY_TO_SHIP", Actor.person("担当", false), false);

        assertThat(kinds.of("GiftCard")).isEqualTo(PaymentKinds.Kind.PREPAID);
        assertThatThrownBy(() -> workflow.move(unknown, "READY_TO_SHIP", Actor.person("担当", false), false))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("入金が確認できていない");
        kinds.save(Map.of("GiftCard", PaymentKinds.Kind.COD), "admin");
        workflow.move(unknown, "READY_TO_SHIP", Actor.person("担当", false), false);
    }

    @Test
    void thePageSavesKindsAndRefusesABadCodeWithoutSavingAnything() throws Exception {
        mvc.perform(post("/settings/payments")
                        .param("kind.BankTransfer", "PREPAID")
                        .param("newMethod", "AtoBarai")
                        .param("newKind", "DEFERRED")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", true));
        assertThat(kinds.of("AtoBarai")).isEqualTo(PaymentKinds.Kind.DEFERRED);

        mvc.perform(post("/settings/payments")
                        .param("kind.AtoBarai", "PREPAID")
                        .param("newMethod", "<script>")
                        .param("newKind", "COD")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("半角英数字")));
        assertThat(kinds.of("AtoBarai")).isEqualTo(PaymentKinds.Kind.DEFERRED);

        mvc.perform(post("/settings/payments")
                        .param("kind.AtoBarai", "FREE")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "支払いの種類「FREE」はありません"));
        mvc.perform(post("/settings/payments")
                        .param("kind.AtoBarai", "PREPAID")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
