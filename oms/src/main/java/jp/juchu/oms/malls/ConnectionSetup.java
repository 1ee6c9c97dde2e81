package jp.juchu.oms.malls;

import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.malls.internal.ConnectionKeys;
import jp.juchu.oms.malls.shopserve.ShopServeConnector;
import org.springframework.stereotype.Service;

/**
 * "設定を保存して次へ進む": both keys are checked against the shop with live calls before anything is
 * saved (Shop Serve connections: a manager key and an open key), and every problem is named — a wrong shop ID or key, the open key in the manager key's field (or
 * the keys swapped), an unreachable host, a rate limit. Nothing is saved unless both checks pass.
 */
@Service
public class ConnectionSetup {

    private final MallConnections connections;
    private final ShopServeConnector client;

    ConnectionSetup(MallConnections connections, ShopServeConnector client) {
        this.connections = connections;
        this.client = client;
    }

    /** A problem found while checking, as a message code with its arguments, on the field it concerns. */
    public record Problem(String field, String code, Object... args) {}

    /** Saved when {@code problems} is empty. */
    public record Result(MallConnection connection, List<Problem> problems) {
        public boolean saved() {
            return problems.isEmpty();
        }
    }

    public Result verifyAndSave(Long id, ConnectionSettings entered) {
        ConnectionSettings settings = withStoredKeys(id, entered);
        List<Problem> problems = check(settings);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(connections.save(id, entered, ConnectionStatus.OK), List.of());
    }

    /** Saves without a live check (demo set-up when the shop is not up yet): the status says so. */
    public MallConnection saveUnverified(ConnectionSettings settings) {
        return connections.save(null, settings, ConnectionStatus.NOT_VERIFIED);
    }

    private ConnectionSettings withStoredKeys(Long id, ConnectionSettings entered) {
        if (id == null
                || (MallConnections.present(entered.openKey()) && MallConnections.present(entered.managerKey()))) {
            return entered;
        }
        ConnectionKeys.Credentials stored = connections.credentials(id);
        return new ConnectionSettings(
                entered.shopId(),
                MallConnections.present(entered.openKey()) ? entered.openKey() : stored.openKey(),
                MallConnections.present(entered.managerKey()) ? entered.managerKey() : stored.managerKey(),
                entered.daysToFetch(),
                entered.autoFetch(),
                entered.fetchIntervalMinutes(),
                entered.managementUrl(),
                entered.itemUrl(),
                entered.writeBack(),
                entered.fetchOnNotification());
    }

    private List<Problem> check(ConnectionSettings s) {
        List<Problem> problems = new ArrayList<>();
        Outcome manager = call(() -> client.checkManagerKey(s.managementUrl(), s.shopId(), s.managerKey()));
        Outcome open = call(() -> client.checkOpenKey(s.itemUrl(), s.shopId(), s.openKey()));
        if (manager.failure() != null && !(manager.failure() instanceof KeyRejected)) {
            problems.add(transport("managementUrl", s.managementUrl(), manager.failure()));
        }
        if (open.failure() != null && !(open.failure() instanceof KeyRejected)) {
            problems.add(transport("itemUrl", s.itemUrl(), open.failure()));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        boolean managerRefused = manager.failure() instanceof KeyRejected;
        boolean openRefused = open.failure() instanceof KeyRejected;
        if (!managerRefused && !openRefused) {
            if (call(() -> client.checkManagerKey(s.managementUrl(), s.shopId(), s.openKey()))
                    .ok()) {
                problems.add(new Problem("openKey", "malls.check.managerKeyInOpenField"));
            }
            return problems;
        }
        if (managerRefused) {
            boolean openFieldIsManager = !openRefused
                    && call(() -> client.checkManagerKey(s.managementUrl(), s.shopId(), s.openKey()))
                            .ok();
            boolean managerFieldIsOpen = call(() -> client.checkOpenKey(s.itemUrl(), s.shopId(), s.managerKey()))
                    .ok();
            if (openFieldIsManager && managerFieldIsOpen) {
                problems.add(new Problem("managerKey", "malls.check.swapped"));
            } else if (managerFieldIsOpen) {
                problems.add(new Problem("managerKey", "malls.check.openKeyInManagerField"));
            } else {
                problems.add(new Problem("managerKey", "malls.check.managerRefused", s.shopId()));
            }
        }
        if (openRefused && problems.stream().noneMatch(p -> p.code().equals("malls.check.swapped"))) {
            problems.add(new Problem("openKey", "malls.check.openRefused", s.shopId()));
        }
        return problems;
    }

    private static Problem transport(String field, String url, ShopApiException failure) {
        if (failure instanceof RateLimited limited) {
            long seconds =
                    limited.retryAfter() == null ? 60 : limited.retryAfter().toSeconds();
            return new Problem(field, "malls.check.rateLimited", seconds);
        }
        if (failure instanceof ShopUnavailable) {
            return new Problem(field, "malls.check.unreachable", url);
        }
        return new Problem(field, "malls.check.badResponse", url);
    }

    private record Outcome(ShopApiException failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private static Outcome call(Runnable call) {
        try {
            call.run();
            return new Outcome(null);
        } catch (ShopApiException e) {
            return new Outcome(e);
        }
    }
}
