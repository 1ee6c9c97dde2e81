package jp.juchu.shop.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.system.TimeConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox's due messages. Each node runs one loop, woken by a commit that wrote messages or every
 * {@code poll-interval}; it claims a batch with {@code for update skip locked} (so two nodes never send the same
 * message at once, and a node that dies mid-send leaves its claim to expire), sends each signed with a fresh
 * timestamp, and records the attempt. A failure is tried again after a doubling backoff with jitter, up to
 * {@code max-attempts}; {@code pause-after-failures} failed deliveries in a row pause the endpoint and the admin tells
 * the shop. A message may arrive twice (a crash between sending and recording): the receiver only learns when to look.
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;
    private static final int KEEP_LOG_PER_ENDPOINT = 500;
    private static final Duration KEEP_SENT = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox secrets;
    private final TargetPolicy policy;
    private final NotificationSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Instant nextCleanup = Instant.EPOCH;

    NotificationDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            SecretBox secrets,
            TargetPolicy policy,
            NotificationSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Something was written to the outbox and committed: send now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(Math.max(1, settings.senders()), r -> {
            Thread t = new Thread(r, "notification-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "notification-dispatch");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (loop != null) {
            try {
                loop.join(settings.requestTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                while (running && sendDue() == BATCH) {
                    // a full batch: there may be more due
                }
                cleanUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database restarting, a pool exhausted: the next round tries again
                log.warn("Sending notifications failed; trying again shortly: {}", e.toString());
            }
        }
    }

    record Claimed(
            long id,
            long endpointId,
            String shopId,
            String serialCode,
            String event,
            OffsetDateTime updatedAt,
            int attempts,
            String url,
            String secretEnc) {}

    /** Claims and sends one batch of due messages; returns how many it claimed. */
    int sendDue() throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime claimedUntil = now.plus(settings.requestTimeout())
                .plus(settings.connectTimeout())
                .plusSeconds(30);
        List<Claimed> claimed = jdbc.sql("""
                        update notification_outbox o set claimed_until = ?, attempts = o.attempts + 1
                        from notification_endpoint e
                        where e.id = o.endpoint_id and o.id in (
                            select o2.id from notification_outbox o2
                            join notification_endpoint e2 on e2.id = o2.endpoint_id and e2.status = 'ACTIVE'
                            where o2.delivered_at is null and o2.given_up_at is null and o2.next_attempt_at <= ?
                              and (o2.claimed_until is null or o2.claimed_until < ?)
                            order by o2.next_attempt_at, o2.id limit ?
                            for update of o2 skip locked)
                        returning o.id, o.endpoint_id, o.shop_id, o.serial_code, o.event, o.updated_at, o.attempts,
                            e.url, e.secret_enc""")
                .params(claimedUntil, now, now, BATCH)
                .query(Claimed.class)
                .list();
        List<Future<?>> sent = new ArrayList<>();
        for (Claimed message : claimed) {
            sent.add(senders.submit(() -> deliver(message)));
        }
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn(
                        "A notification could not be recorded: {}", e.getCause().toString());
            }
        }
        return claimed.size();
    }

    private void deliver(Claimed message) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = URI.create(message.url());
            policy.checkAddresses(uri.getHost());
            byte[] body = body(message);
            long timestamp = clock.instant().getEpochSecond();
            String secret = secrets.open(message.secretEnc());
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "juchu-shop-server-notifications/1")
                    .header(Signature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(Signature.SIGNATURE_HEADER, Signature.sign(secret, timestamp, body))
                    .header(Signature.DELIVERY_HEADER, String.valueOf(message.id()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (EndpointRefused e) {
            error = e.messageKey().endsWith("urlPrivateTarget")
                    ? "refused: the host resolves to a private address"
                    : "refused: the host does not resolve";
        } catch (HttpTimeoutException e) {
            error = "timeout";
        } catch (IOException e) {
            error = "connection failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = "failed: " + e.getClass().getSimpleName();
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        record(message, status, error, millis);
    }

    byte[] body(Claimed message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", String.valueOf(message.id()));
        body.put("event", NotificationEvent.valueOf(message.event()).wireName());
        body.put("shop_id", message.shopId());
        body.put("serial_code", message.serialCode());
        body.put(
                "updated_at",
                message.updatedAt()
                        .atZoneSameInstant(TimeConfiguration.TOKYO)
                        .toOffsetDateTime()
                        .toString());
        return json.writeValueAsBytes(body);
    }

    private void record(Claimed message, Integer status, String error, int millis) {
        boolean succeeded = error == null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into notification_delivery (endpoint_id, outbox_id, serial_code, event, attempt,
                                attempted_at, status_code, succeeded, error, duration_ms)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            message.endpointId(),
                            message.id(),
                            message.serialCode(),
                            message.event(),
                            message.attempts(),
                            now,
                            status,
                            succeeded,
                            error,
                            millis)
                    .update();
            if (succeeded) {
                jdbc.sql("update notification_outbox set delivered_at = ?, claimed_until = null where id = ?")
                        .params(now, message.id())
                        .update();
                jdbc.sql("update notification_endpoint set consecutive_failures = 0 where id = ?")
                        .param(message.endpointId())
                        .update();
                return;
            }
            boolean giveUp = message.attempts() >= settings.maxAttempts();
            jdbc.sql("update notification_outbox set claimed_until = null, next_attempt_at = ?, given_up_at = ? "
                            + "where id = ?")
                    .params(now.plus(backoff(message.attempts())), giveUp ? now : null, message.id())
                    .update();
            Integer failures = jdbc.sql(
                            "update notification_endpoint set consecutive_failures = consecutive_failures + 1 "
                                    + "where id = ? returning consecutive_failures")
                    .param(message.endpointId())
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (failures >= settings.pauseAfterFailures()) {
                int paused = jdbc.sql("update notification_endpoint set status = 'PAUSED', paused_at = ?, "
                                + "paused_reason = ? where id = ? and status = 'ACTIVE'")
                        .params(
                                now,
                                truncate(failures + " failed deliveries in a row; last: " + error),
                                message.endpointId())
                        .update();
                if (paused > 0) {
                    log.warn(
                            "Notification endpoint {} of shop {} paused after {} failed deliveries in a row",
                            message.endpointId(),
                            message.shopId(),
                            failures);
                }
            }
        });
    }

    /** The wait after the n-th failed try: base × 2^(n−1), at most the maximum, minus up to a quarter of jitter. */
    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long wait = Math.min(max, base << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(wait - ThreadLocalRandom.current().nextLong(wait / 4 + 1));
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    /** Every ten minutes: delivered or given-up messages older than a week go, and each log keeps its newest 500. */
    private void cleanUp() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofMinutes(10));
        OffsetDateTime before = OffsetDateTime.now(clock).minus(KEEP_SENT);
        jdbc.sql("delete from notification_outbox where (delivered_at < ? or given_up_at < ?)")
                .params(before, before)
                .update();
        jdbc.sql("""
                        delete from notification_delivery d using (
                            select id, row_number() over (partition by endpoint_id order by id desc) as rank
                            from notification_delivery) ranked
                        where d.id = ranked.id and ranked.rank > ?""").param(KEEP_LOG_PER_ENDPOINT).update();
    }
}
