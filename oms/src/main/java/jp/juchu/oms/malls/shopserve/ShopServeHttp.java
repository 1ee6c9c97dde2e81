package jp.juchu.oms.malls.shopserve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.KeyRejected;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallSettings;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopUnavailable;
import jp.juchu.oms.malls.internal.ApiCall;
import jp.juchu.oms.malls.internal.RequestBudget;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls to Shop Serve over HTTP (HTTP Basic, shop ID : key; JSON), their request budget, and what each failure
 * means: a refused key (401/403), a request to wait (429), a shop that is down (5xx, timeout, no connection) or an
 * answer the OMS cannot use. It does not retry: it says precisely what went wrong
 * ({@link jp.juchu.oms.malls.ShopApiException}) and the caller decides.
 */
@Component
class ShopServeHttp {

    private final RequestBudget budget;
    private final MallSettings settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ShopServeHttp(RequestBudget budget, MallSettings settings) {
        this.budget = budget;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A call of a saved connection: one token of its request budget first, then the call. */
    JsonNode call(
            MallConnection connection,
            ApiCall kind,
            String method,
            String url,
            String shopId,
            String key,
            Object body) {
        return body(answer(connection, kind, method, url, shopId, key, body), url);
    }

    /**
     * A call of a saved connection whose answer the caller reads itself: one token of its request budget first, then
     * the call; only the failures every call shares are thrown.
     */
    HttpResponse<byte[]> answer(
            MallConnection connection,
            ApiCall kind,
            String method,
            String url,
            String shopId,
            String key,
            Object body) {
        budget.take(connection.id(), kind);
        return exchange(method, url, shopId, key, body);
    }

    JsonNode post(String url, String shopId, String key, Object body) {
        return send("POST", url, shopId, key, body);
    }

    JsonNode send(String method, String url, String shopId, String key, Object body) {
        return body(exchange(method, url, shopId, key, body), url);
    }

    /** The answer, unless the shop refused the key (401/403), asked to wait (429) or failed (5xx). */
    private HttpResponse<byte[]> exchange(String method, String url, String shopId, String key, Object body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.readTimeout())
                    .header("Authorization", basic(shopId, key))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ShopUnavailable("URL が正しくありません: " + url, e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ShopUnavailable("応答がありません (タイムアウト): " + url, e);
        } catch (IOException e) {
            throw new ShopUnavailable("接続できません: " + url + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopUnavailable("中断されました: " + url, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new KeyRejected("HTTP " + status + " from " + url);
        }
        if (status == 429) {
            throw new RateLimited(
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500) {
            throw new ShopUnavailable("HTTP " + status + ": " + url, null);
        }
        return response;
    }

    /** A 2xx answer's JSON object; any other status is a {@link BadShopResponse}. */
    JsonNode body(HttpResponse<byte[]> response, String url) {
        int status = response.statusCode();
        if (status >= 300) {
            throw new BadShopResponse(
                    "HTTP " + status + ": " + url + " "
                            + abbreviate(new String(response.body(), StandardCharsets.UTF_8)),
                    null);
        }
        return parse(response, url);
    }

    /**
     * The answer's JSON object, whatever its status; anything else is a {@link BadShopResponse}. Read from the bytes
     * as they came (a page of orders is not made into a string first).
     */
    JsonNode parse(HttpResponse<byte[]> response, String url) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new BadShopResponse("not a JSON object: " + url, null);
            }
            return node;
        } catch (JacksonException e) {
            throw new BadShopResponse("JSON を読めません: " + url, e);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String basic(String shopId, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
