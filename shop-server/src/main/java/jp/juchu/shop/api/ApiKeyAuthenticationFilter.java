package jp.juchu.shop.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.AuthenticatedKey;
import jp.juchu.shop.apikeys.KeyKind;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * HTTP Basic for the platform API: user = shop ID, password = key. In this order: the brute-force
 * throttle (before the key is even looked at), the key, the key's rate limit. The key never leaves this
 * method: not logged, not kept in the {@code Authentication}.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final ApiKeys apiKeys;
    private final ApiThrottle throttle;
    private final ApiProblems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ApiThrottle throttle, ApiProblems problems) {
        this.apiKeys = apiKeys;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // API clients are machines: validation messages in English whatever the admin's locale default.
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, Locale.ENGLISH);
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            chain.doFilter(request, response); // anonymous: refused with 401 by the entry point
            return;
        }
        String address = request.getRemoteAddr();
        Optional<String[]> credentials = decode(header.substring(BASIC.length()).trim());
        String shopId = credentials.map(c -> c[0]).orElse(null);
        Optional<Duration> blocked = throttle.blocked(address, shopId);
        if (blocked.isPresent()) {
            problems.tooManyRequests(
                    request, response, blocked.get(), "Too many failed authentications: try again later.");
            return;
        }
        Optional<AuthenticatedKey> key = credentials.flatMap(c -> apiKeys.authenticate(c[0], c[1]));
        if (key.isEmpty()) {
            throttle.failed(address, shopId);
            problems.unauthorized(request, response);
            return;
        }
        Optional<Duration> limited = throttle.acquire(key.get().keyId());
        if (limited.isPresent()) {
            problems.tooManyRequests(request, response, limited.get(), "Rate limit of this key reached.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        String authority = key.get().kind() == KeyKind.MANAGER ? ApiAuthorities.MANAGER : ApiAuthorities.OPEN;
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                key.get().shopId(), null, List.of(new SimpleGrantedAuthority(authority))));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** {@code shopId:key} from base64, or empty if the header is not that. */
    private static Optional<String[]> decode(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
