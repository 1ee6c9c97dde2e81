package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The browser's cart id: a random UUID in a cookie, so the cart survives reloads and restarts. */
final class CartCookie {

    static final String NAME = "JUCHU_CART";

    private CartCookie() {}

    /** The cart id this browser sent, or {@code null}. */
    static UUID read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                try {
                    return UUID.fromString(cookie.getValue());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The browser's cart id, giving it one when it has none. */
    static UUID readOrIssue(HttpServletRequest request, HttpServletResponse response) {
        UUID id = read(request);
        if (id != null) {
            return id;
        }
        UUID issued = UUID.randomUUID();
        ResponseCookie cookie = ResponseCookie.from(NAME, issued.toString())
                .path("/shops/")
                .httpOnly(true)
                .sameSite("Lax")
                .maxAge(Duration.ofDays(30))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return issued;
    }
}
