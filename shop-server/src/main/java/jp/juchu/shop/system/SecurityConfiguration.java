package jp.juchu.shop.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The merchant admin: form login per shop (shop ID + password), CSRF on every form, a new session id
 * at login. The platform API and the storefront add their own filter chains, ordered before this one.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Order of the catch-all admin chain; more specific chains use lower numbers. */
    public static final int ADMIN_CHAIN_ORDER = 100;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(ADMIN_CHAIN_ORDER)
    SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/admin/login")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/admin/login")
                        .usernameParameter("shopId")
                        .defaultSuccessUrl("/admin", true)
                        .permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(loginPage()))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** The redirect to the login page is relative: never built from the request's Host header. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/admin/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }
}
