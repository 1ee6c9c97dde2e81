package jp.juchu.shop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the checked-in OpenAPI documents equal to what the app serves. A document that differs is
 * rewritten and the test fails, so the change shows in {@code git diff}; to regenerate on purpose
 * (the test then passes), run from the repository root:
 *
 * <pre>./mvnw -q -pl shop-server -am test -Dtest=OpenApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true</pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

    /** Maven runs tests in the module's directory; the documents live in the repository's docs/. */
    static final Path DOCS = Path.of("..", "docs", "openapi");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @ParameterizedTest
    @CsvSource({"management, shop-management-api.json", "item, shop-item-api.json"})
    void checkedInDocumentIsCurrent(String group, String fileName) throws Exception {
        String served = mvc.perform(get("/v3/api-docs/" + group))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = json.readTree(served);
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("basicAuth")
                        .path("scheme")
                        .asString())
                .isEqualTo("basic");
        assertThat(served).doesNotContain("/_test/");
        String current = json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";

        Path file = DOCS.resolve(fileName);
        String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!current.equals(checkedIn)) {
            Files.createDirectories(DOCS);
            Files.writeString(file, current, StandardCharsets.UTF_8);
        }
        if (!Boolean.getBoolean("openapi.update")) {
            assertThat(checkedIn)
                    .as("docs/openapi/%s was stale and has been rewritten: review and commit it", fileName)
                    .isEqualTo(current);
        }
    }
}
