package jp.juchu.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stock at the fault soak's end (issue 15), once everything is imported, allocated and pushed: each listing's
 * quantity at its shop (over the shop's management API) against the sync formula applied to the OMS's free stock;
 * each SKU's allocated total against what the orders' allocated lines hold (a unit allocated twice would show here);
 * and the OMS's own ledger check (the totals recomputed from the ledger).
 *
 * @param listings listings compared (those of items with counted stock at the shop)
 * @param drifted the listings whose shop quantity differs from the formula, with both numbers
 * @param skus SKUs checked
 * @param allocationMismatches SKUs whose allocated total differs from their orders' allocated lines
 * @param ledgerDifferences SKUs whose totals the ledger check finds different from the ledger
 * @param settledIn how long the OMS took, after the catch-up, until nothing waited to be allocated or pushed
 */
record SoakStock(
        int listings,
        List<String> drifted,
        int skus,
        List<String> allocationMismatches,
        long ledgerDifferences,
        Duration settledIn) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DIFFERENCES = Pattern.compile("\"differences\"\\s*:\\s*(\\d+)");

    /**
     * Waits until the OMS has settled (nothing waiting to be pushed or allocated, no event publication open, no shop's
     * sync pausing), then compares.
     *
     * @param shops per connection: the shop ID and its current manager key
     */
    static SoakStock atTheEnd(
            HarnessDatabase database, OmsSession session, String shopServer, Map<Long, String[]> shops)
            throws Exception {
        Instant started = Instant.now();
        awaitSettled(database, Duration.ofMinutes(5));
        Duration settled = Duration.between(started, Instant.now());

        List<String> drifted = new ArrayList<>();
        int listings = 0;
        HttpClient http = HttpClient.newHttpClient();
        try (Connection db = database.connect()) {
            for (Map.Entry<Long, String[]> shop : shops.entrySet()) {
                Map<String, Map<String, Integer>> atShop = new HashMap<>();
                for (String[] listing : expected(db, shop.getKey())) {
                    String item = listing[0];
                    String variation = listing[1];
                    int wanted = Integer.parseInt(listing[2]);
                    Map<String, Integer> quantities =
                            atShop.computeIfAbsent(item, code -> stockAtShop(http, shopServer, shop.getValue(), code));
                    if (quantities == null) {
                        continue; // unlimited stock at the shop: nothing is pushed to it
                    }
                    listings++;
                    Integer actual = quantities.get(variation);
                    if (actual == null || actual != wanted) {
                        drifted.add("%s %s %s: shop %s, formula %d"
                                .formatted(shop.getValue()[0], item, variation, actual, wanted));
                    }
                }
            }
            List<String> mismatches = allocationMismatches(db);
            int skus = count(db, "select count(*) from product where kind = 'SKU'");
            return new SoakStock(listings, drifted, skus, mismatches, ledgerCheck(session), settled);
        }
    }

    /** The table's rows. */
    Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(
                "stock: after the catch-up, until nothing waited to be allocated or pushed",
                settledIn.toSeconds() + " s");
        rows.put(
                "stock: **listings whose quantity at the shop differs from the formula** (drift) / compared",
                "**%d** / %d".formatted(drifted.size(), listings));
        rows.put(
                "stock: **SKUs whose allocated total differs from their orders' allocated lines** / checked",
                "**%d** / %d".formatted(allocationMismatches.size(), skus));
        rows.put("stock: **SKUs the ledger check finds different**", "**%d**".formatted(ledgerDifferences));
        return rows;
    }

    /** Each listing of the connection (items of SKUs) with what the formula gives from the OMS's free stock now. */
    private static List<String[]> expected(Connection db, long connection) throws Exception {
        List<String[]> listings = new ArrayList<>();
        try (PreparedStatement sql = db.prepareStatement("""
                select l.item_code, l.variation, coalesce(s.on_hand - s.allocated, 0) as free, l.multiplier,
                       coalesce(ls.share_percent, 100), coalesce(ls.reserve, 0), ls.upper_limit,
                       coalesce(ls.floor_quantity, 0)
                from listing l
                join product p on p.id = l.product_id and p.kind = 'SKU'
                left join stock s on s.product_id = p.id and s.warehouse_id = 1
                left join listing_sync ls on ls.listing_id = l.id
                where l.connection_id = ? and coalesce(ls.enabled, true)
                order by l.item_code, l.variation
                """)) {
            sql.setLong(1, connection);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    long free = rs.getLong(3);
                    int multiplier = rs.getInt(4);
                    int share = rs.getInt(5);
                    int reserve = rs.getInt(6);
                    Integer limit = (Integer) rs.getObject(7);
                    int floor = rs.getInt(8);
                    long quantity;
                    if (free <= 0 || free < floor) {
                        quantity = 0;
                    } else {
                        quantity = free * share / 100 / multiplier - reserve;
                        quantity = limit == null ? quantity : Math.min(quantity, limit);
                        quantity = Math.max(0, Math.min(quantity, 999_999));
                    }
                    listings.add(new String[] {rs.getString(1), rs.getString(2), String.valueOf(quantity)});
                }
            }
        }
        return listings;
    }

    /** The item's quantity per variation ("" without variations) at the shop, or null for unlimited stock. */
    private static Map<String, Integer> stockAtShop(HttpClient http, String shopServer, String[] shop, String item) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(shopServer + "/api/management/v2/items/" + item + "/stock"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (shop[0] + ":" + shop[1]).getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("stock of " + item + " at " + shop[0] + ": " + answer.statusCode());
            }
            JsonNode stock = JSON.readTree(answer.body());
            if ("Yes".equals(stock.path("unlimited").asString(""))) {
                return null;
            }
            Map<String, Integer> quantities = new HashMap<>();
            JsonNode variations = stock.path("variations");
            if (variations.isArray() && !variations.isEmpty()) {
                for (JsonNode v : variations) {
                    List<String> choices = new ArrayList<>();
                    for (String name : List.of("choice1", "choice2", "choice3")) {
                        String choice = v.path(name).asString("");
                        if (!choice.isEmpty()) {
                            choices.add(choice);
                        }
                    }
                    quantities.put(String.join("/", choices), v.path("quantity").asInt());
                }
            } else {
                quantities.put("", stock.path("quantity").asInt());
            }
            return quantities;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SKUs whose allocated total is not the sum of what their orders' allocated lines hold (shipped ones excepted). */
    private static List<String> allocationMismatches(Connection db) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("""
                        select p.code, coalesce(s.allocated, 0),
                               coalesce((select sum(l.quantity) from order_allocation_line l
                                         join order_allocation a on a.order_id = l.order_id
                                         where l.product_id = p.id and l.allocated and a.state <> 'SHIPPED'), 0)
                        from product p left join stock s on s.product_id = p.id and s.warehouse_id = 1
                        where p.kind = 'SKU'
                        """)) {
            while (rs.next()) {
                if (rs.getLong(2) != rs.getLong(3)) {
                    mismatches.add(
                            "%s: allocated %d, lines %d".formatted(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return mismatches;
    }

    /** Runs the OMS's ledger check (在庫検査) from its stock page and reads its result. */
    private static long ledgerCheck(OmsSession session) {
        var ran = session.postForm("/stock", "/stock/check", Map.of());
        if (ran.statusCode() != 302) {
            throw new AssertionError("the ledger check did not run: " + ran.statusCode());
        }
        Matcher differences = DIFFERENCES.matcher(session.get("/stock/check"));
        if (!differences.find()) {
            throw new AssertionError("the ledger check's result was not found");
        }
        return Long.parseLong(differences.group(1));
    }

    private static void awaitSettled(HarnessDatabase database, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int quiet = 0;
        while (quiet < 3) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the OMS's stock did not settle within " + timeout);
            }
            try (Connection db = database.connect()) {
                boolean settled = count(db, "select count(*) from stock_sync_outbox") == 0
                        && count(db, "select count(*) from order_allocation where state = 'PENDING'") == 0
                        && count(
                                        db,
                                        "select count(*) from event_publication where completion_date is null"
                                                + " and coalesce(status, '') <> 'FAILED'")
                                == 0
                        && count(
                                        db,
                                        "select count(*) from stock_sync_shop where stopped_message is not null"
                                                + " or wait_until > now()")
                                == 0;
                quiet = settled ? quiet + 1 : 0;
            }
            Thread.sleep(2000);
        }
    }

    private static int count(Connection db, String query) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
