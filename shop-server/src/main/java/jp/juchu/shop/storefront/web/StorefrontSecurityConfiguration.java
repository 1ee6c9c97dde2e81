package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.juchu.shop.system.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The storefront's chain, before the admin's: every page is public except a member's own pages
 * ({@code /shops/{shopId}/mypage/**}), which need a member of that very shop. Members sign in per shop;
 * their security context lives under its own session key, so a member is never a merchant in the admin.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontSecurityConfiguration {

    static final int STOREFRONT_CHAIN_ORDER = SecurityConfiguration.ADMIN_CHAIN_ORDER - 40;
    static final String CONTEXT_KEY = "JUCHU_STOREFRONT_MEMBER";
    private static final Pattern SHOP_PATH = Pattern.compile("^/shops/([^/]+)/");

    @Bean
    MemberContextRepository memberContextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
        return new MemberContextRepository(repository);
    }

    @Bean
    @Order(STOREFRONT_CHAIN_ORDER)
    SecurityFilterChain storefrontChain(HttpSecurity http, MemberContextRepository members) throws Exception {
        http.securityMatcher("/shops/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/shops/{shopId}/mypage/**")
                        .access((authentication, context) -> new AuthorizationDecision(MemberPrincipal.isMemberOf(
                                authentication.get(), context.getVariables().get("shopId"))))
                        .anyRequest()
                        .permitAll())
                .securityContext(context -> context.securityContextRepository(members.repository()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> response.sendRedirect(loginUrl(request)))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            } else {
                                response.sendRedirect(loginUrl(request));
                            }
                        }))
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.pathPattern(
                                org.springframework.http.HttpMethod.POST, "/shops/*/logout"))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(shopRoot(request) + "?loggedOut")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static String shopRoot(HttpServletRequest request) {
        Matcher m = SHOP_PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        return request.getContextPath() + (m.find() ? "/shops/" + m.group(1) + "/" : "/");
    }

    private static String loginUrl(HttpServletRequest request) {
        String next = request.getRequestURI().substring(request.getContextPath().length());
        return UriComponentsBuilder.fromPath(shopRoot(request) + "login")
                .queryParam("next", next)
                .encode()
                .toUriString();
    }

    /** Saves and reads the signed-in member, under the storefront's own session key. */
    record MemberContextRepository(HttpSessionSecurityContextRepository repository) {}

    /** Members are per shop: the principal's name is {@code shopId:account}. */
    static final class MemberPrincipal {
        static final String ROLE = "ROLE_MEMBER";

        private MemberPrincipal() {}

        static String name(String shopId, String account) {
            return shopId + ":" + account;
        }

        static boolean isMemberOf(Authentication authentication, String shopId) {
            return account(authentication, shopId) != null;
        }

        /** The member's account at this shop, or {@code null} when not signed in to this shop. */
        static String account(Authentication authentication, String shopId) {
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || authentication.getAuthorities().stream().noneMatch(a -> ROLE.equals(a.getAuthority()))) {
                return null;
            }
            String prefix = shopId + ":";
            String name = authentication.getName();
            return name.startsWith(prefix) ? name.substring(prefix.length()) : null;
        }
    }
}
