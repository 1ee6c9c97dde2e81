package jp.juchu.shop.notifications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's notification endpoints: registering one (URL checked by {@link TargetPolicy}, a new secret shown once,
 * encrypted at rest), listing, removing, resuming a paused one, and each one's delivery log. The admin page and the
 * management API both come here.
 */
@Service
public class NotificationEndpoints {

    private static final String COLUMNS = "id, shop_id, url, events, secret_prefix, status, consecutive_failures, "
            + "paused_at, paused_reason, created_at";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final TargetPolicy policy;
    private final NotificationSettings settings;
    private final Clock clock;

    NotificationEndpoints(
            JdbcClient jdbc, SecretBox secrets, TargetPolicy policy, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers an endpoint for the events; registering a URL the shop already has gives it the new events and a new
     * secret (the old one stops at once) and makes it active again.
     *
     * @throws EndpointRefused when the URL or the events are not acceptable, or the shop has as many as it may
     */
    @Transactional
    public RegisteredEndpoint register(String shopId, String url, Set<NotificationEvent> events, String actor) {
        String checked = policy.check(url).toString();
        if (events == null || events.isEmpty()) {
            throw new EndpointRefused("events", "eventsRequired");
        }
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query(String.class)
                .optional(); // one registration per shop at a time, so the limit holds
        boolean known = jdbc.sql("select count(*) from notification_endpoint where shop_id = ? and url = ?")
                        .params(shopId, checked)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known
                && jdbc.sql("select count(*) from notification_endpoint where shop_id = ?")
                                .param(shopId)
                                .query(Long.class)
                                .single()
                        >= settings.maxEndpointsPerShop()) {
            throw new EndpointRefused("url", "tooMany", settings.maxEndpointsPerShop());
        }
        String secret = secrets.newSecret();
        String[] names = events.stream().map(Enum::name).sorted().toArray(String[]::new);
        long id = jdbc.sql("""
                        insert into notification_endpoint (shop_id, url, events, secret_enc, secret_prefix, created_at,
                            created_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (shop_id, url) do update set events = excluded.events,
                            secret_enc = excluded.secret_enc, secret_prefix = excluded.secret_prefix, status = 'ACTIVE',
                            consecutive_failures = 0, paused_at = null, paused_reason = null
                        returning id""")
                .params(
                        shopId,
                        checked,
                        names,
                        secrets.seal(secret),
                        secret.substring(0, 8),
                        OffsetDateTime.now(clock),
                        actor)
                .query(Long.class)
                .single();
        return new RegisteredEndpoint(find(shopId, id).orElseThrow(), secret);
    }

    public List<NotificationEndpoint> list(String shopId) {
        return jdbc.sql("select " + COLUMNS + " from notification_endpoint where shop_id = ? order by id")
                .param(shopId)
                .query(NotificationEndpoints::endpoint)
                .list();
    }

    public Optional<NotificationEndpoint> find(String shopId, long id) {
        return jdbc.sql("select " + COLUMNS + " from notification_endpoint where shop_id = ? and id = ?")
                .params(shopId, id)
                .query(NotificationEndpoints::endpoint)
                .optional();
    }

    /** Removes the endpoint and its undelivered messages; false when the shop has no such endpoint. */
    @Transactional
    public boolean remove(String shopId, long id) {
        return jdbc.sql("delete from notification_endpoint where shop_id = ? and id = ?")
                        .params(shopId, id)
                        .update()
                > 0;
    }

    /**
     * Resumes a paused endpoint: active again, its failure count reset, and the messages still waiting for it due at
     * once. False when the shop has no such endpoint.
     */
    @Transactional
    public boolean resume(String shopId, long id) {
        int changed = jdbc.sql("update notification_endpoint set status = 'ACTIVE', consecutive_failures = 0, "
                        + "paused_at = null, paused_reason = null where shop_id = ? and id = ?")
                .params(shopId, id)
                .update();
        if (changed > 0) {
            jdbc.sql("update notification_outbox set next_attempt_at = ?, attempts = 0 "
                            + "where endpoint_id = ? and delivered_at is null and given_up_at is null")
                    .params(OffsetDateTime.now(clock), id)
                    .update();
        }
        return changed > 0;
    }

    /** The endpoint's latest delivery attempts, newest first (at most {@code limit}, itself at most 200). */
    public List<DeliveryAttempt> deliveries(String shopId, long endpointId, int limit) {
        return jdbc.sql("""
                        select d.* from notification_delivery d join notification_endpoint e on e.id = d.endpoint_id
                        where e.shop_id = ? and d.endpoint_id = ? order by d.id desc limit ?""")
                .params(shopId, endpointId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new DeliveryAttempt(
                        rs.getLong("id"),
                        rs.getLong("outbox_id"),
                        rs.getString("serial_code"),
                        rs.getString("event"),
                        rs.getInt("attempt"),
                        rs.getObject("attempted_at", OffsetDateTime.class),
                        (Integer) rs.getObject("status_code"),
                        rs.getBoolean("succeeded"),
                        rs.getString("error"),
                        rs.getInt("duration_ms")))
                .list();
    }

    /** How many of the shop's endpoints are paused: the admin shows a notice while any is. */
    public int pausedCount(String shopId) {
        return jdbc.sql("select count(*) from notification_endpoint where shop_id = ? and status = 'PAUSED'")
                .param(shopId)
                .query(Integer.class)
                .single();
    }

    private static NotificationEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("events");
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream((String[]) array.getArray())
                .map(NotificationEvent::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> events));
        return new NotificationEndpoint(
                rs.getLong("id"),
                rs.getString("shop_id"),
                rs.getString("url"),
                events,
                rs.getString("secret_prefix"),
                "PAUSED".equals(rs.getString("status")),
                rs.getInt("consecutive_failures"),
                rs.getObject("paused_at", OffsetDateTime.class),
                rs.getString("paused_reason"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
