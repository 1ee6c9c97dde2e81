package jp.juchu.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminErrorPageTests {

    @LocalServerPort
    int port;

    @Test
    void unknownPageGivesTheHtmlErrorPageToABrowser() {
        var response = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/css/no-such-file.css")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .retrieve()
                .onStatus(status -> true, (request, resp) -> {})
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(response.getBody()).contains("ページが見つかりません");
    }
}
