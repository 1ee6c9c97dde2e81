package jp.juchu.shop.api;

import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.system.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The platform API's filter chain, before the admin's: stateless, no CSRF (no cookies to ride on),
 * HTTP Basic with shop ID and key. The manager key opens both APIs, the open key only the item API;
 * every refusal is the same 401, so a client cannot learn whether the shop, the key or its scope was wrong.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final int API_CHAIN_ORDER = SecurityConfiguration.ADMIN_CHAIN_ORDER - 50;

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, ApiThrottle throttle, ApiProblems problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/management/**")
                        .hasAuthority(ApiAuthorities.MANAGER)
                        .requestMatchers("/api/item/**")
                        .hasAnyAuthority(ApiAuthorities.OPEN, ApiAuthorities.MANAGER)
                        .anyRequest()
                        .denyAll())
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(apiKeys, throttle, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> problems.unauthorized(request, response))
                        .accessDeniedHandler((request, response, e) -> problems.unauthorized(request, response)));
        return http.build();
    }
}
