package jp.juchu.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser-like session on one of the apps (cookies, CSRF token from each form page). */
final class OmsSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    OmsSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static OmsSession login(String baseUrl, String loginPath, Map<String, String> credentials) {
        OmsSession session = new OmsSession(baseUrl);
        HttpResponse<String> posted = session.postForm(loginPath, loginPath, credentials);
        if (posted.statusCode() != 302
                || posted.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed at " + baseUrl + loginPath);
        }
        return session;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build())
                .body();
    }

    /** Submits a form the way a browser does: reads the page for its CSRF token, then posts. */
    HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields) {
        return postForm(pagePath, actionPath, List.copyOf(fields.entrySet()));
    }

    /** Submits a form whose fields repeat (rows of a table), in the order given. */
    HttpResponse<String> postForm(String pagePath, String actionPath, List<Map.Entry<String, String>> fields) {
        Matcher token = CSRF.matcher(get(pagePath));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + pagePath);
        }
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(token.group(1)) + "&", ""));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + actionPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Uploads a file the way a browser submits a form with a file field ({@code multipart/form-data}), after reading
     * the page for its CSRF token.
     */
    HttpResponse<String> postFile(
            String pagePath,
            String actionPath,
            Map<String, String> fields,
            String fileField,
            String fileName,
            byte[] file) {
        Matcher token = CSRF.matcher(get(pagePath));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + pagePath);
        }
        String boundary = "----juchu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", token.group(1));
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + actionPath))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
