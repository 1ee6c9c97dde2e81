package jp.juchu.oms.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import jp.juchu.oms.users.SessionEpochs;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A signed-in request whose session was ended (user disabled, password reset, role changed) goes to the login. */
class EndedSessions extends OncePerRequestFilter {

    static final String LOGIN_AFTER_END = "/login?ended";

    private final SessionEpochs epochs;

    EndedSessions(SessionEpochs epochs) {
        this.epochs = epochs;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && user != null
                && !(user instanceof AnonymousAuthenticationToken)
                && !epochs.stillValid(session, user.getName())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            String login = request.getContextPath() + LOGIN_AFTER_END;
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", login);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
