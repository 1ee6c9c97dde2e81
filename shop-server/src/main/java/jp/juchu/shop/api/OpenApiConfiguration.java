package jp.juchu.shop.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
                .addOpenApiCustomizer(OpenApiConfiguration::problemResponses)
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
                .addOpenApiCustomizer(OpenApiConfiguration::problemResponses)
                .addOpenApiCustomizer(api -> api.info(new Info()
                        .title("Shop item (open) API")
                        .version("v2")
                        .description("Published items, stock condition, variations, reviews, ranking and categories: "
                                + "parts for building shop pages. Authenticate with the open key "
                                + "(オープン認証キー); the manager key is accepted too. "
                                + CONVENTIONS)))
                .build();
    }

    /** Every call can be refused alike: the problem schema, and 400 / 401 / 429 on each operation. */
    static void problemResponses(OpenAPI api) {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty(
                        "field",
                        new StringSchema().description("snake_case path of the field, e.g. shipping.tracking_number"))
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty(
                        "type", new StringSchema().format("uri").example("https://juchu.jp/problems/invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError).description("400 only: the refused fields"));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas("Problem", problem);
        Content content = new Content()
                .addMediaType(
                        "application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
        Header retryAfter = new Header().description("seconds to wait").schema(new IntegerSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    ApiResponses responses = operation.getResponses();
                    responses.putIfAbsent(
                            "400",
                            new ApiResponse()
                                    .description("Bad input: the fields are named in errors")
                                    .content(content));
                    responses.putIfAbsent(
                            "401",
                            new ApiResponse()
                                    .description("Not authenticated for this API")
                                    .content(content));
                    responses.putIfAbsent(
                            "429",
                            new ApiResponse()
                                    .description("Rate limit or failed-authentication throttle")
                                    .addHeaderObject("Retry-After", retryAfter)
                                    .content(content));
                }));
    }

    /** Schemas named as the JSON is written: snake_case, like the application's own JSON mapper. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
