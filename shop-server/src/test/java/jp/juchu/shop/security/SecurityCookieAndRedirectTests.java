package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Against the real server (Tomcat sets the session cookie and turns redirects into Location headers, which
 * MockMvc does not): the cookie is SameSite=Lax and HttpOnly, and a forged Host header never reaches a redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityCookieAndRedirectTests {

    @LocalServerPort
    int port;

    /** A raw HTTP/1.1 request, so that the Host header is exactly what an attacker would send. */
    private String send(String path, String host) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        }
    }

    private static List<String> headers(String head, String name) {
        return head.lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .toList();
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws IOException {
        String head = send("/admin/login", "localhost:" + port);

        assertThat(headers(head, "Set-Cookie"))
                .filteredOn(cookie -> cookie.contains("SHOPSESSION="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void aForgedHostHeaderNeverEndsUpInARedirect() throws IOException {
        for (String path : new String[] {"/admin", "/admin/orders", "/shops/demo/mypage"}) {
            String head = send(path, "evil.example");

            assertThat(head).as(path).startsWith("HTTP/1.1 302");
            assertThat(headers(head, "Location"))
                    .as(path)
                    .singleElement()
                    .satisfies(location ->
                            assertThat(location).doesNotContain("evil.example").matches("(?i)location: /.*"));
        }
    }
}
