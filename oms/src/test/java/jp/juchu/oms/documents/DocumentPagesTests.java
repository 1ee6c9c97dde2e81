package jp.juchu.oms.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DocumentPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    MallConnections connections;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    jp.juchu.oms.orders.OrderWorkflow workflow;

    @Autowired
    jp.juchu.oms.shipping.SlipExports slips;

    DocumentFixture fixture;

    @BeforeEach
    void setUp() {
        contractor.save(new Contractor(
                "ジュチュウ日本茶店",
                "受注 太郎",
                "420-0852",
                "静岡県",
                "静岡市葵区紺屋町17-1",
                "054-000-1234",
                "shop@example.jp",
                "T1234567890123"));
        fixture = new DocumentFixture(
                orders, jdbc, connections.ownChannel(Mall.MANUAL).id());
    }

    private long order(String prefix) {
        return fixture.order(
                prefix + "-" + System.nanoTime(),
                List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                0,
                0,
                0,
                0,
                null);
    }

    @Test
    void theOrderPageAndTheListOfferTheDocuments() throws Exception {
        long id = order("page");
        mvc.perform(get("/orders/" + id).with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("/documents/delivery-notes?order=" + id)))
                .andExpect(content().string(containsString("data-testid=\"picking-list\"")));
        mvc.perform(get("/orders").with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("data-testid=\"bulk-delivery-notes\"")))
                .andExpect(content().string(containsString("data-testid=\"bulk-picking-total\"")));
    }

    @Test
    void theChosenOrdersComeAsOnePdfInTheirOrder() throws Exception {
        long a = order("sel-a");
        long b = order("sel-b");
        byte[] pdf = mvc.perform(post("/documents/delivery-notes")
                        .param("order", Long.toString(b), Long.toString(a))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string(
                                "Content-Disposition", containsString("attachment; filename=\"delivery-notes-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = DocumentFixture.text(pdf);
        String numberOfB = orders.detail(b).orElseThrow().orderNumber();
        String numberOfA = orders.detail(a).orElseThrow().orderNumber();
        assertThat(text.indexOf(numberOfB)).isPositive().isLessThan(text.indexOf(numberOfA));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENTS_PRINTED' and detail = '納品書 2件'")
                        .query(Long.class)
                        .single())
                .isPositive();

        mvc.perform(post("/documents/picking-list")
                        .param("order", Long.toString(a))
                        .param("layout", "PER_ORDER")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void aSlipBatchPrintsItsOrdersStillToShipInTheOrderOfItsSlips() throws Exception {
        long first = order("batch-a");
        long held = order("batch-b");
        long last = order("batch-c");
        jp.juchu.oms.orders.Actor staff = jp.juchu.oms.orders.Actor.person("staff", false);
        workflow.moveAll(List.of(first, held, last), "READY_TO_SHIP", staff, false);
        long batch = slips.record(jp.juchu.oms.shipping.Carrier.SAGAWA, List.of(last, held, first), false, staff)
                .id();
        workflow.hold(List.of(held), "住所確認中", staff);

        String text = DocumentFixture.text(mvc.perform(get("/documents/slip-batches/" + batch + "/delivery-notes")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray());

        String a = orders.detail(first).orElseThrow().orderNumber();
        String b = orders.detail(held).orElseThrow().orderNumber();
        String c = orders.detail(last).orElseThrow().orderNumber();
        assertThat(text.indexOf(a)).isPositive().isLessThan(text.indexOf(c));
        assertThat(text).doesNotContain(b);
        assertThat(slips.ordersToShip(batch)).containsExactly(first, last);
    }

    @Test
    void aRefusalGoesBackToThePageWithItsReason() throws Exception {
        long id = order("refused");
        mvc.perform(post("/documents/delivery-notes")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/orders"))
                .andExpect(flash().attribute("error", "受注を選んでください"));
        mvc.perform(get("/documents/picking-list")
                        .param("order", "abc")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/documents/picking-list")
                        .param("order", Long.toString(id))
                        .param("layout", "SIDEWAYS")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/documents/slip-batches/999999999/delivery-notes")
                        .with(user("staff").roles("STAFF")))
                .andExpect(redirectedUrl("/shipping"))
                .andExpect(flash().attribute("error", "出力履歴 #999999999 はありません"));
        jdbc.sql("delete from contractor").update();
        mvc.perform(get("/documents/delivery-notes")
                        .param("order", Long.toString(id))
                        .param("back", "/orders/" + id)
                        .with(user("staff").roles("STAFF")))
                .andExpect(redirectedUrl("/orders/" + id))
                .andExpect(flash().attribute("error", containsString("契約者情報")));
        mvc.perform(get("/documents/delivery-notes")
                        .param("order", Long.toString(id))
                        .param("back", "//evil.example/")
                        .with(user("staff").roles("STAFF")))
                .andExpect(redirectedUrl("/orders"));
    }

    @Test
    void theRegistrationNumberIsTAndThirteenDigitsAsTyped() throws Exception {
        mvc.perform(contractorForm("Ｔ１２３４－５６７８－９０１２３")).andExpect(flash().attribute("saved", true));
        assertThat(contractor.get().orElseThrow().registrationNumber()).isEqualTo("T1234567890123");

        mvc.perform(contractorForm("T12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登録番号は T と13桁の数字で入力してください")));
        mvc.perform(contractorForm("1234567890123"))
                .andExpect(content().string(containsString("登録番号は T と13桁の数字で入力してください")));
        assertThat(contractor.get().orElseThrow().registrationNumber()).isEqualTo("T1234567890123");

        mvc.perform(contractorForm("  ")).andExpect(flash().attribute("saved", true));
        assertThat(contractor.get().orElseThrow().registrationNumber()).isNull();
    }

    private org.springframework.test.web.servlet.RequestBuilder contractorForm(String registrationNumber) {
        return post("/settings/contractor")
                .param("companyName", "ジュチュウ日本茶店")
                .param("representative", "受注 太郎")
                .param("postalCode", "420-0852")
                .param("prefecture", "静岡県")
                .param("address", "静岡市葵区紺屋町17-1")
                .param("phone", "054-000-1234")
                .param("email", "shop@example.jp")
                .param("registrationNumber", registrationNumber)
                .with(user("admin").roles("ADMIN"))
                .with(csrf());
    }
}
