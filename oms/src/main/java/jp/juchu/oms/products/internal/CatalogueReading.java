package jp.juchu.oms.products.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.CataloguePage;
import jp.juchu.oms.malls.KeyRejected;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallConnectors;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopUnavailable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a shop's catalogue over its mall's API ({@link jp.juchu.oms.malls.MallConnector#readCatalogue}) into the
 * items seen ({@code shop_item}): every item and variation with the stock the shop shows. The items the shop no longer
 * has are marked so. The unmapped ones then appear in 商品候補一覧 and the listings page.
 */
@Service
public class CatalogueReading {

    static final int PAGE_SIZE = 100;
    /** The most items one read takes (100 pages): a larger catalogue is read in part and says so. */
    static final int MAX_ITEMS = 10_000;

    static final int RATE_LIMIT_RETRIES = 3;

    private final MallConnections connections;
    private final MallConnectors connectors;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    CatalogueReading(
            MallConnections connections,
            MallConnectors connectors,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transaction,
            AuditLog audit) {
        this.connections = connections;
        this.connectors = connectors;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** What a read found: items, their variations (what an order line names), and how many are not mapped. */
    public record Result(int items, int variants, long total, long unmapped, boolean partial) {}

    /**
     * Reads the whole catalogue (up to {@link #MAX_ITEMS} items) and writes it in one transaction at the end.
     *
     * @throws IllegalArgumentException with a Japanese sentence when the shop cannot be read
     */
    public Result read(long connectionId, String actor) {
        MallConnection connection = connections
                .find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("ショップが見つかりません (接続ID " + connectionId + ")"));
        var connector = connectors
                .of(connection)
                .orElseThrow(
                        () -> new IllegalArgumentException("このチャネル (" + connection.shopId() + ") には読み込める商品一覧がありません"));
        List<CataloguePage.Item> items = new ArrayList<>();
        long total = 0;
        int from = 0;
        try {
            while (from < MAX_ITEMS) {
                CataloguePage page = page(connector, connection, from);
                total = page.total();
                items.addAll(page.items());
                from += PAGE_SIZE;
                if (page.items().size() < PAGE_SIZE || from >= total) {
                    break;
                }
            }
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (KeyRejected e) {
            throw new IllegalArgumentException("ショップがAPIキーを受け付けませんでした。APIアクセス設定のキーを確認してください");
        } catch (RateLimited e) {
            throw new IllegalArgumentException("ショップのAPI利用制限 (429) が続いたため中断しました。しばらくしてからもう一度お試しください");
        } catch (ShopUnavailable e) {
            throw new IllegalArgumentException("ショップのAPIに接続できませんでした (" + e.getMessage() + ")");
        } catch (BadShopResponse e) {
            throw new IllegalArgumentException("ショップのAPIの応答を読めませんでした (" + e.getMessage() + ")");
        }
        boolean partial = total > items.size();
        int variants = items.stream().mapToInt(i -> i.variants().size()).sum();
        long shopTotal = total;
        long unmapped = transaction.execute(status -> write(connectionId, items, partial, actor, shopTotal));
        return new Result(items.size(), variants, total, unmapped, partial);
    }

    private CataloguePage page(jp.juchu.oms.malls.MallConnector connector, MallConnection connection, int from) {
        for (int attempt = 0; ; attempt++) {
            try {
                return connector.readCatalogue(connection, from, PAGE_SIZE);
            } catch (RateLimited e) {
                if (attempt >= RATE_LIMIT_RETRIES) {
                    throw e;
                }
                Duration wait = e.retryAfter() == null ? Duration.ofSeconds(1) : e.retryAfter();
                if (wait.compareTo(Duration.ofSeconds(10)) > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalArgumentException("中断されました");
                }
            }
        }
    }

    private long write(long connectionId, List<CataloguePage.Item> items, boolean partial, String actor, long total) {
        OffsetDateTime readAt =
                jdbc.sql("select now()").query(OffsetDateTime.class).single();
        // one row per item and variation, even when a page repeated an item
        java.util.Map<List<String>, Object[]> byKey = new java.util.HashMap<>();
        for (CataloguePage.Item item : items) {
            for (CataloguePage.Variant v : item.variants()) {
                String code = truncate(item.itemCode(), 100);
                String variation = truncate(v.variation(), 200);
                byKey.put(List.of(code, variation), new Object[] {
                    connectionId, code, variation, truncate(item.name(), 400), item.price(), v.quantity(), readAt
                });
            }
        }
        List<Object[]> rows = new ArrayList<>(byKey.values());
        rows.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2]));
        jdbcTemplate.batchUpdate(
                "insert into shop_item (connection_id, item_code, variation, name, unit_price, in_catalogue,"
                        + " catalogue_quantity, catalogue_read_at) values (?, ?, ?, ?, ?, true, ?, ?)"
                        + " on conflict (connection_id, item_code, variation) do update set name = excluded.name,"
                        + " unit_price = coalesce(excluded.unit_price, shop_item.unit_price), in_catalogue = true,"
                        + " catalogue_quantity = excluded.catalogue_quantity,"
                        + " catalogue_read_at = excluded.catalogue_read_at",
                rows);
        if (!partial) {
            jdbc.sql("update shop_item set in_catalogue = false, catalogue_quantity = null where connection_id = ?"
                            + " and in_catalogue and (catalogue_read_at is null or catalogue_read_at < ?)")
                    .params(connectionId, readAt)
                    .update();
        }
        audit.record(
                actor,
                "CATALOGUE_READ",
                "接続ID " + connectionId,
                items.size() + "商品 / " + rows.size() + "バリエーション" + (partial ? " (全" + total + "商品のうち一部)" : ""));
        return jdbc.sql("select count(*) from shop_item s where s.connection_id = ? and s.in_catalogue"
                        + " and not exists (select 1 from listing l where l.connection_id = s.connection_id"
                        + " and l.item_code = s.item_code and l.variation = s.variation)")
                .param(connectionId)
                .query(Long.class)
                .single();
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
