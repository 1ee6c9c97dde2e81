package jp.juchu.oms.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one gate every request passes before security and the controllers (pages, bulk actions, htmx, uploads):
 *
 * <ul>
 *   <li>an upload over {@code spring.servlet.multipart.max-file-size} (50 MB) gets 413 and a page that says the limit, before its body is read;
 *   <li>a multipart body is read here (to disk, never whole into memory), so the CSRF check can see its token;
 *   <li>a form list index outside what a page can offer ({@code lines[100000].name}, {@code lines[-1].name}) gets
 *       400 and a small page naming the field, before anything binds (and grows) a list;
 *   <li>a parameter name or value with NUL or another control character (tab, line feed and carriage return
 *       are text) gets 400 and a page naming the field; nothing behind this filter ever sees it.
 * </ul>
 */
class RequestLimits extends OncePerRequestFilter implements Ordered {

    /** The most rows a form list (order lines, destinations) can have: indexes 0 to 99. */
    static final int LIST_LIMIT = 100;

    private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)]");

    /** The request attribute that carries the sentence the error page shows. */
    static final String DETAIL = RequestLimits.class.getName() + ".detail";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final DataSize uploadLimit;
    private final DataSize requestLimit;

    private final int order;

    RequestLimits(
            MessageSource messages, LocaleResolver locales, DataSize uploadLimit, DataSize requestLimit, int order) {
        this.order = order;
        this.messages = messages;
        this.locales = locales;
        this.uploadLimit = uploadLimit;
        this.requestLimit = requestLimit;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            if (request.getContentLengthLong() > requestLimit.toBytes()) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "input.tooLarge", locale);
                return;
            }
            try {
                request.getParts();
            } catch (IllegalStateException tooLarge) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "input.tooLarge", locale);
                return;
            } catch (IOException | ServletException unreadable) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "input.unreadableUpload", locale);
                return;
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            boolean bad = Text.hasControlCharacter(name);
            for (String value : parameter.getValue()) {
                bad |= Text.hasControlCharacter(value);
            }
            if (bad) {
                refuseField(request, response, "input.controlCharacter", name, locale);
                return;
            }
            if (!indexesOnThePage(name)) {
                refuseField(request, response, "input.index", name, locale);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether every list index in a field name ({@code lines[3].name}) is one a page can offer: 0 to 99. */
    private static boolean indexesOnThePage(String name) {
        if (name.indexOf('[') < 0) {
            return true;
        }
        Matcher index = INDEX.matcher(name);
        while (index.find()) {
            String digits = index.group(1);
            if (digits.startsWith("-") || digits.length() > 3 || Integer.parseInt(digits) >= LIST_LIMIT) {
                return false;
            }
        }
        return true;
    }

    private void refuseField(
            HttpServletRequest request, HttpServletResponse response, String code, String name, Locale locale)
            throws IOException {
        String field = FieldLabels.label(messages, Text.printable(name), locale);
        String detail = messages.getMessage(code, new Object[] {field}, locale);
        request.setAttribute(DETAIL, detail);
        response.sendError(HttpStatus.BAD_REQUEST.value(), detail);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Locale locale)
            throws IOException {
        String detail = messages.getMessage(code, new Object[] {uploadLimit.toMegabytes()}, locale);
        request.setAttribute(DETAIL, detail);
        response.sendError(status.value(), detail);
    }
}
