package jp.juchu.oms.system;

import java.util.Set;
import jp.juchu.oms.users.SessionEpochs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every OMS page needs a signed-in user; forms carry a CSRF token; the session id changes at login.
 * Roles: {@code ADMIN}, {@code STAFF}, {@code VIEWER} (viewers read, they never change anything). User management
 * (ユーザー管理), the audit log (監査ログ) and deleting or resetting order data are the admin's alone. A session ends
 * at its next request once its user is disabled, given a new password or another role ({@link EndedSessions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A URL the firewall refuses (an encoded NUL, a {@code ..} path) is a 400, not a server error. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    /** Requests that only read; any other method changes something and needs staff or admin. */
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain omsChain(HttpSecurity http, SessionEpochs epochs) throws Exception {
        SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
        home.setAlwaysUseDefaultTargetUrl(true);
        // the login redirect is relative: never built from the request's Host header
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        login.setFavorRelativeUris(true);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/login")
                        .permitAll()
                        // the shops' change notifications: signed, no session (docs/notifications.md)
                        .requestMatchers(HttpMethod.POST, "/api/notifications/*")
                        .permitAll()
                        .requestMatchers("/logout")
                        .authenticated()
                        .requestMatchers(
                                "/settings/users/**", "/settings/audit/**", "/maintenance/**", "/sales/facts/**")
                        .hasRole("ADMIN")
                        .requestMatchers(request -> !READING.contains(request.getMethod()))
                        .hasAnyRole("ADMIN", "STAFF")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, user) -> {
                            epochs.signedIn(request.getSession(), user.getName());
                            home.onAuthenticationSuccess(request, response, user);
                        })
                        .permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(login))
                .addFilterBefore(new EndedSessions(epochs), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/notifications/*"));
        return http.build();
    }
}
