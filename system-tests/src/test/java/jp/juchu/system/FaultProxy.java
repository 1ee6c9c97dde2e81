package jp.juchu.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands between the OMS and the shop server like the platform's load balancer, and breaks the order API on
 * request: the next order-page requests get a 500, a 503, a 429 with {@code Retry-After}, an answer slower than
 * the client waits, a page with one malformed order, or a connection cut in the middle of the page. While the shop
 * server is down it answers 503, as a load balancer does.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault {
        SERVER_ERROR_500,
        UNAVAILABLE_503,
        RATE_LIMITED_429,
        SLOWER_THAN_TIMEOUT,
        MALFORMED_ORDER,
        RESET_MID_PAGE
    }

    private static final Pattern PAYMENT_STATUS = Pattern.compile("\"payment_status\":\"(\\w+)\"");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration slow;
    private final ConcurrentLinkedDeque<Fault> pending = new ConcurrentLinkedDeque<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private volatile String target;

    FaultProxy(String target, Duration slow) {
        this.target = target;
        this.slow = slow;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Points at the shop server again after it restarted on another port. */
    void retarget(String target) {
        this.target = target;
    }

    /** The next {@code times} order-page requests get this fault. */
    void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            pending.add(fault);
        }
    }

    void clear() {
        pending.clear();
    }

    /** How many times each fault was served. */
    Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean orderPage = path.contains("/orders/_retrieve");
            Fault fault = orderPage ? pending.poll() : null;
            if (fault == Fault.MALFORMED_ORDER && !path.endsWith("/all")) {
                // a malformed order matters where orders are read in full, not in a listing of what changed
                pending.addFirst(fault);
                fault = null;
            }
            if (fault == Fault.SERVER_ERROR_500 || fault == Fault.UNAVAILABLE_503 || fault == Fault.RATE_LIMITED_429) {
                injected.get(fault).incrementAndGet();
                int status = fault == Fault.SERVER_ERROR_500 ? 500 : fault == Fault.UNAVAILABLE_503 ? 503 : 429;
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                respond(exchange, status, "{\"status\":" + status + ",\"title\":\"injected by the fault proxy\"}");
                return;
            }
            HttpResponse<byte[]> answer;
            try {
                answer = forward(exchange);
            } catch (IOException down) {
                respond(exchange, 503, "{\"status\":503,\"title\":\"shop server unreachable\"}");
                return;
            }
            byte[] body = answer.body();
            if (fault == Fault.SLOWER_THAN_TIMEOUT) {
                injected.get(fault).incrementAndGet();
                sleep(slow);
            } else if (fault == Fault.MALFORMED_ORDER && answer.statusCode() == 200) {
                String page = new String(body, StandardCharsets.UTF_8);
                Matcher first = PAYMENT_STATUS.matcher(page);
                if (first.find()) {
                    injected.get(fault).incrementAndGet();
                    body = (page.substring(0, first.start()) + "\"payment_status\":\"NotAState\""
                                    + page.substring(first.end()))
                            .getBytes(StandardCharsets.UTF_8);
                }
            } else if (fault == Fault.RESET_MID_PAGE && answer.statusCode() == 200 && body.length > 1) {
                injected.get(fault).incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                // the rest never comes: the connection is cut
                throw new IOException("cut mid-page");
            }
            answer.headers()
                    .firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            answer.headers()
                    .firstValue("Retry-After")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange) throws IOException {
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        exchange.getRequestMethod(),
                        requestBody.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        for (String header : new String[] {"Authorization", "Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
