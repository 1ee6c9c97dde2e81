package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jp.juchu.support.address.PostalPrefectures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A postal code that does not belong to the prefecture is a warning on the order, not a refusal. */
@SpringBootTest
@AutoConfigureMockMvc
class PostalWarningTests {

    @Autowired
    MockMvc mvc;

    @Test
    void postalCodesBelongToTheirPrefectureByTheirFirstDigits() {
        assertThat(PostalPrefectures.matches("150-0001", "東京都")).isTrue();
        assertThat(PostalPrefectures.matches("5300001", "大阪府")).isTrue();
        assertThat(PostalPrefectures.matches("060-0001", "北海道")).isTrue();
        assertThat(PostalPrefectures.matches("900-0001", "沖縄県")).isTrue();
        assertThat(PostalPrefectures.matches("618-0071", "京都府")).isTrue();
        assertThat(PostalPrefectures.matches("618-0001", "大阪府")).isTrue();
        assertThat(PostalPrefectures.matches("150-0001", "大阪府")).isFalse();
        assertThat(PostalPrefectures.matches("980-0001", "宮城県")).isTrue();
        assertThat(PostalPrefectures.matches("980-0001", "山形県")).isFalse();
        assertThat(PostalPrefectures.matches(null, "大阪府")).isTrue();
    }

    @Test
    void anOrderWhosePostalCodeIsInAnotherPrefectureShowsAWarning() throws Exception {
        String location = mvc.perform(post("/orders/new")
                        .param("name", "郵便 違子")
                        .param("phone", "06-1234-5678")
                        .param("postalCode", "150-0001")
                        .param("prefecture", "大阪府")
                        .param("address1", "大阪市北区梅田1-1")
                        .param("lines[0].itemCode", "postal-item")
                        .param("lines[0].name", "郵便マグ")
                        .param("lines[0].unitPrice", "1000")
                        .param("lines[0].quantity", "1")
                        .param("lines[0].taxRate", "10")
                        .param("lines[0].destination", "1")
                        .param("destinations[0].name", "")
                        .param("paymentMethod", "BankTransfer")
                        .param("action", "register")
                        .with(user("tanaka").roles("STAFF"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/orders/");

        String page = mvc.perform(get(location).with(user("tanaka").roles("STAFF")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(page).select("[data-testid=postal-warning]").eachText())
                .containsExactly("郵便番号 150-0001 は大阪府の番号ではないようです。住所をご確認ください");
    }
}
