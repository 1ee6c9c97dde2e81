package jp.juchu.shop.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problem types (RFC 9457), and the answers written before any controller runs: 401 and 429
 * from the security filter chain.
 */
@Component
class ApiProblems {

    static final String TYPE_BASE = "https://juchu.jp/problems/";
    static final URI UNAUTHORIZED = URI.create(TYPE_BASE + "unauthorized");
    static final URI TOO_MANY_REQUESTS = URI.create(TYPE_BASE + "too-many-requests");
    static final URI INVALID_REQUEST = URI.create(TYPE_BASE + "invalid-request");

    /** What a client that failed authentication learns: not which of shop ID, key or scope was wrong. */
    private static final String UNAUTHORIZED_DETAIL =
            "Authenticate with HTTP Basic: the shop ID as user and a valid key for this API as password.";

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    /** A stable type for a status: {@code about:blank} would tell clients nothing to switch on. */
    static URI typeOf(HttpStatusCode status) {
        if (status.value() == 400) {
            return INVALID_REQUEST;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null
                ? "status-" + status.value()
                : known.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return URI.create(TYPE_BASE + slug);
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shopserve\"");
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED_DETAIL);
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait, String detail)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, detail);
    }

    /** A request the security firewall refused (an encoded slash, a {@code ;} in the path …). */
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, INVALID_REQUEST, "The request path is not allowed.");
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
