package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ShippingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CarrierSettings carriers;

    @Autowired
    jp.juchu.oms.orders.Orders orders;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theShippingPageListsOrdersReadyToShipAndTheExportHistory() throws Exception {
        mvc.perform(get("/shipping").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"export-form\"")))
                .andExpect(content().string(containsString("data-testid=\"tracking-form\"")));
    }

    @Test
    void aFileThatIsNotTheCarriersIsRefusedWithAClearMessage() throws Exception {
        mvc.perform(multipart("/shipping/tracking")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "a,b\r\n1,2\r\n".getBytes()))
                        .param("carrier", "YAMATO")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("ファイルの形式が違います")));
    }

    @Test
    void carrierSettingsNeedADefaultAmongTheCarriersUsed() throws Exception {
        mvc.perform(post("/settings/carriers")
                        .param("enabled", "SAGAWA")
                        .param("default", "YAMATO")
                        .param("customerCode", "", "", "")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("既定の配達業者")));
        mvc.perform(post("/settings/carriers")
                        .param("enabled", "YAMATO", "SAGAWA")
                        .param("default", "YAMATO")
                        .param("customerCode", "0123456789", "", "")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", true));
        assertThat(carriers.of(Carrier.YAMATO).customerCode()).isEqualTo("0123456789");
        assertThat(carriers.of(Carrier.SAGAWA).enabled()).isTrue();
    }

    @Test
    void anOrderWithoutATrackingNumberSaysItWasNotSentToTheShop() throws Exception {
        long id = new ShippingFixture(orders, jdbc).order("panel-" + System.nanoTime());

        mvc.perform(get("/shipping/orders/" + id).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("伝票番号がないため")));
    }
}
