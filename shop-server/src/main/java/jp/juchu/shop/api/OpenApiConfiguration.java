package jp.juchu.shop.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documents of the two APIs, one group each: {@code /v3/api-docs/management} and
 * {@code /v3/api-docs/item}. Checked in under {@code docs/openapi/} (see {@code OpenApiDocumentTests}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC_AUTH = "basicAuth";

    /** Paths only tests map (a probe controller under {@code src/test}); never part of the documents. */
    private static final String[] TEST_PATHS = {"/api/management/v2/_test/**", "/api/item/v2/_test/**"};

    private static final String CONVENTIONS = """
            Conventions: HTTP Basic with the shop ID as user and the key as password. JSON bodies in \
            snake_case; yes/no fields are "Yes" / "No"; enumerations are PascalCase words; date-times are \
            ISO-8601 with offset (2026-11-28T10:15:00+09:00), dates yyyy-MM-dd; money is yen as integers, \
            tax included. Searches page with `from` (offset, default 0) and `size` (1-100, default 100) and \
            answer `total_count`. Errors are RFC 9457 problem details (application/problem+json) with a \
            stable `type`; a 400 names each refused field in `errors: [{field, message}]`. 401: unknown \
            shop, wrong, reissued or other shop's key, or a key without this API's scope (the answer does \
            not say which). 429: rate limit per key (default 120 requests/min) or too many failed \
            authentications; `Retry-After` gives the seconds to wait.""";

    @Bean
    OpenAPI platformApi() {
        return new OpenAPI()
                .servers(List.of(new Server().url("/").description("this shop server")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC_AUTH,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("user = shop ID, password = the API key")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    @Bean
    GroupedOpenApi managementApi() {
        return GroupedOpenApi.builder()
                .group("management")
                .displayName("Shop management API (manager key)")
                .pathsToMatch("/api/management/**")
                .pathsToExclude(TEST_PATHS)
                .addOpenApiCustomizer(api -> api.info(new Info()
                        .title("Shop management API")
                        .version("v2")
                        .description("Orders, items, categories, clients and member points of one shop. Authenticate "
                                + "with the manager key (マネジャー認証キー). "
                                + CONVENTIONS)))
                .build();
    }

    @Bean
    GroupedOpenApi itemApi() {
        return GroupedOpenApi.builder()
                .group("item")
                .displayName("Shop item / open API (open key)")
                .pathsToMatch("/api/item/**")
                .pathsToExclude(TEST_PATHS)
                .addOpenApiCustomizer(api -> api.info(new Info()
                        .title("Shop item (open) API")
                        .version("v2")
                        .description("Published items, stock condition, variations, reviews, ranking and categories: "
                                + "parts for building shop pages. Authenticate with the open key "
                                + "(オープン認証キー); the manager key is accepted too. "
                                + CONVENTIONS)))
                .build();
    }

    /** Schemas named as the JSON is written: snake_case, like the application's own JSON mapper. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
