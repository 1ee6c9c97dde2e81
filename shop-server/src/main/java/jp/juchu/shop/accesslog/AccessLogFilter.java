package jp.juchu.shop.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one combined-log-format line per storefront request ({@code /shops/{shopId}/…}) of a shop that
 * logs, after the response: {@code host - user [time] "request" status bytes "referer" "user-agent"}.
 * Quotes, backslashes, control and non-ASCII characters are escaped as Apache httpd does, so a line can
 * never be split or forged by a request.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final Pattern SHOP = Pattern.compile("^/shops/([a-z0-9]{4,20})(/|$)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final AccessLog accessLog;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    AccessLogFilter(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher shop = SHOP.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!shop.find()) {
            chain.doFilter(request, response);
            return;
        }
        ZonedDateTime start = ZonedDateTime.now(clock);
        CountingResponse counting = new CountingResponse(response);
        int status = 500;
        try {
            chain.doFilter(request, counting);
            status = counting.getStatus();
        } finally {
            write(shop.group(1), request, status, counting.count, start);
        }
    }

    private void write(String shopId, HttpServletRequest request, int status, long bytes, ZonedDateTime time) {
        try {
            Optional<AccessLogPolicy> policy = accessLog.policy(shopId);
            if (policy.isEmpty() || !policy.get().enabled()) {
                return;
            }
            String line = line(request, status, bytes, time);
            Path file = accessLog.fileFor(shopId, LocalDate.from(time));
            synchronized (locks.computeIfAbsent(shopId, k -> new Object())) {
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the access log of {}: {}", shopId, e.toString());
        }
    }

    static String line(HttpServletRequest request, int status, long bytes, ZonedDateTime time) {
        Object user = request.getAttribute(AccessLog.REMOTE_USER_ATTRIBUTE);
        String target =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return escape(request.getRemoteAddr()) + " - " + (user == null ? "-" : escape(user.toString())) + " ["
                + TIME.format(time) + "] \"" + escape(request.getMethod() + " " + target + " " + request.getProtocol())
                + "\" " + status + " " + (bytes == 0 ? "-" : Long.toString(bytes)) + " \""
                + escape(orDash(request.getHeader("Referer"))) + "\" \""
                + escape(orDash(request.getHeader("User-Agent")))
                + "\"\n";
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** As httpd's {@code ap_escape_logitem}: {@code \"}, {@code \\}, and {@code \xhh} for every other byte outside printable ASCII. */
    static String escape(String value) {
        String bounded = value.length() > 4000 ? value.substring(0, 4000) : value;
        StringBuilder out = new StringBuilder(bounded.length());
        for (byte b : bounded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Counts the bytes of the body written through it. */
    private static final class CountingResponse extends HttpServletResponseWrapper {
        private long count;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream inner = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        inner.write(b);
                        count++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        inner.write(b, off, len);
                        count += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        inner.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        inner.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(
                        new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }
    }
}
