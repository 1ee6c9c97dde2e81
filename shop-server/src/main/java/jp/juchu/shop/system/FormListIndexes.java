package jp.juchu.shop.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Indexed form fields ({@code destinations[2].name}, {@code axisTitles[1]}) are bounded before anything binds
 * them: an index that is negative, not a plain number or above {@link InputRules#MAX_LIST_INDEX} is a 400 with
 * the error page's reason, so no form list ever grows to what a request asks for. Map keys in brackets
 * ({@code stock[白/M]}) are not indexes and pass.
 */
@Component
class FormListIndexes extends OncePerRequestFilter {

    private static final Pattern INDEX = Pattern.compile("\\[([-+]?\\d[^]]*)]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            if (!withinBounds(names.nextElement())) {
                request.setAttribute(ErrorReasons.ATTRIBUTE, "error.reason.index");
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean withinBounds(String parameterName) {
        Matcher m = INDEX.matcher(parameterName);
        while (m.find()) {
            String index = m.group(1);
            if (!index.matches("\\d{1,3}") || Integer.parseInt(index) > InputRules.MAX_LIST_INDEX) {
                return false;
            }
        }
        return true;
    }
}
