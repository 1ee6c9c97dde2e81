package jp.juchu.oms.stock.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.juchu.oms.stock.Shortfalls;
import jp.juchu.oms.system.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 棚卸: a count sheet (棚卸表) of every stock-managed SKU or of a shelf-location prefix, with each SKU's on hand
 * when it was made. A count records the on hand of that moment too (the snapshot plus the movements since), so
 * applying books counted − that figure: sales shipped while the shelves were counted are not booked twice, nor
 * lost. 作成済 → 入力中 (first count) → 確定 (applied, once) or 取消.
 */
@Service
public class Stocktakes {

    public static final int MAX_LINES = 20_000;
    public static final int MAX_TITLE = 100;
    /** As long as the product master's 自由項目1. */
    public static final int MAX_CATEGORY = 200;

    public enum State {
        CREATED("作成済"),
        COUNTING("入力中"),
        APPLIED("確定"),
        CANCELLED("取消");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean open() {
            return this == CREATED || this == COUNTING;
        }
    }

    public record Sheet(
            long id,
            String title,
            String scope,
            String locationPrefix,
            String category,
            State state,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime closedAt,
            String closedBy,
            int lines,
            int counted,
            int differing,
            long differenceValue) {

        public String scopeLabel() {
            return label(scope, locationPrefix, category);
        }

        static String label(String scope, String locationPrefix, String category) {
            return switch (scope) {
                case "LOCATION" -> "棚番が「" + locationPrefix + "」で始まる SKU";
                case "CATEGORY" -> "分類 (自由項目1) が「" + category + "」の SKU";
                case "LOCATION_CATEGORY" -> "棚番が「" + locationPrefix + "」で始まり分類が「" + category + "」の SKU";
                default -> "すべての SKU";
            };
        }
    }

    public record Line(
            long productId,
            String code,
            String name,
            String janCode,
            String shelfLocation,
            int expected,
            Integer counted,
            Integer expectedAtCount,
            OffsetDateTime countedAt,
            String countedBy,
            Integer difference,
            Long costPrice,
            Long differenceValue) {

        /** The movements booked between the snapshot and the count (sales, receipts …). */
        public Integer movedSince() {
            return expectedAtCount == null ? null : expectedAtCount - expected;
        }

        /** The difference the count shows: applied, or as it would be applied now. */
        public Integer shownDifference() {
            if (difference != null) {
                return difference;
            }
            return counted == null ? null : counted - expectedAtCount;
        }
    }

    public record Applied(int booked, long differenceValue, List<Long> reallocatedOrders) {}

    private final JdbcClient jdbc;
    private final StockMovements movements;
    private final Shortfalls shortfalls;

    Stocktakes(JdbcClient jdbc, StockMovements movements, Shortfalls shortfalls) {
        this.jdbc = jdbc;
        this.movements = movements;
        this.shortfalls = shortfalls;
    }

    /**
     * Makes a sheet and snapshots its SKUs' on hand, in one statement.
     *
     * @param locationPrefix blank for every shelf location
     * @param category the 自由項目1 (分類) the SKUs have, blank for any
     */
    @Transactional
    public long create(String title, String locationPrefix, String category, String actor) {
        String t = title == null ? "" : title.strip();
        String prefix = locationPrefix == null ? "" : locationPrefix.strip();
        String kind = category == null ? "" : category.strip();
        if (Text.hasLineBreakOrControl(t) || Text.hasLineBreakOrControl(prefix) || Text.hasLineBreakOrControl(kind)) {
            throw new IllegalArgumentException("名称・棚番・分類: 改行や制御文字は使えません");
        }
        if (kind.length() > MAX_CATEGORY) {
            throw new IllegalArgumentException("分類: " + MAX_CATEGORY + "文字以内で入力してください");
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("名称: 入力してください");
        }
        if (t.length() > MAX_TITLE) {
            throw new IllegalArgumentException("名称: " + MAX_TITLE + "文字以内で入力してください");
        }
        if (prefix.length() > StockMovements.MAX_LOCATION) {
            throw new IllegalArgumentException("棚番: " + StockMovements.MAX_LOCATION + "文字以内で入力してください");
        }
        String where = " from product p left join stock s on s.product_id = p.id and s.warehouse_id = 1"
                + " where p.kind = 'SKU' and p.stock_managed"
                + (prefix.isEmpty() ? "" : " and p.shelf_location like ? escape '\\'")
                + (kind.isEmpty() ? "" : " and p.free_1 = ?");
        List<Object> params = new ArrayList<>();
        if (!prefix.isEmpty()) {
            params.add(likeEscaped(prefix) + "%");
        }
        if (!kind.isEmpty()) {
            params.add(kind);
        }
        String scope = prefix.isEmpty()
                ? (kind.isEmpty() ? "ALL" : "CATEGORY")
                : (kind.isEmpty() ? "LOCATION" : "LOCATION_CATEGORY");
        long count = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        if (count == 0) {
            throw new IllegalArgumentException(
                    "ALL".equals(scope) ? "在庫管理する SKU がありません" : "対象: " + Sheet.label(scope, prefix, kind) + " がありません");
        }
        if (count > MAX_LINES) {
            throw new IllegalArgumentException(
                    "対象が " + count + " SKU あります。1枚の棚卸表は " + MAX_LINES + " SKU までです。棚番か分類で絞り込んでください");
        }
        long id = jdbc.sql("insert into stocktake (title, scope, location_prefix, category, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(t, scope, prefix.isEmpty() ? null : prefix, kind.isEmpty() ? null : kind, actor)
                .query(Long.class)
                .single();
        List<Object> insertParams = new ArrayList<>();
        insertParams.add(id);
        insertParams.addAll(params);
        jdbc.sql("insert into stocktake_line (stocktake_id, product_id, shelf_location, expected)"
                        + " select ?, p.id, p.shelf_location, coalesce(s.on_hand, 0)" + where)
                .params(insertParams)
                .update();
        return id;
    }

    public List<Sheet> list(int limit) {
        return jdbc.sql(SHEET + " order by t.id desc limit ?")
                .param(limit)
                .query(Sheet.class)
                .list();
    }

    public Optional<Sheet> sheet(long id) {
        return jdbc.sql(SHEET + " where t.id = ?").param(id).query(Sheet.class).optional();
    }

    /**
     * The sheet's lines in shelf-location order, those matching {@code q} (code or JAN exactly, or the start of a
     * code or shelf location), the uncounted ones only when asked.
     */
    public List<Line> lines(long id, String q, boolean uncountedOnly, int limit) {
        StringBuilder sql = new StringBuilder(LINE + " where l.stocktake_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(id);
        if (q != null && !q.isBlank()) {
            sql.append(" and (p.code = ? or p.jan_code = ? or p.code ilike ? escape '\\' or l.shelf_location ilike ?"
                    + " escape '\\')");
            String v = q.strip();
            params.add(v);
            params.add(v);
            params.add(likeEscaped(v) + "%");
            params.add(likeEscaped(v) + "%");
        }
        if (uncountedOnly) {
            sql.append(" and l.counted is null");
        }
        sql.append(" order by l.shelf_location nulls last, p.code limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Line.class).list();
    }

    public Optional<Line> line(long id, long productId) {
        return jdbc.sql(LINE + " where l.stocktake_id = ? and l.product_id = ?")
                .params(id, productId)
                .query(Line.class)
                .optional();
    }

    /**
     * Records one count (blank clears it) with the on hand of this moment.
     *
     * @throws IllegalArgumentException in Japanese when the sheet is closed or the figure is not a count
     */
    @Transactional
    public Line count(long id, long productId, String value, String actor) {
        openForUpdate(id);
        String v = value == null ? "" : value.strip();
        Integer counted = null;
        if (!v.isEmpty()) {
            List<StockMovements.Problem> problems = new ArrayList<>();
            counted = StockMovements.quantity(v, 0, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("実数: " + problems.get(0).message());
            }
        }
        int updated = write(id, productId, counted, actor);
        if (updated == 0) {
            throw new IllegalArgumentException("この商品はこの棚卸表にありません");
        }
        return line(id, productId).orElseThrow();
    }

    /** Counts by product code, all or none (the CSV's second step: every line checked already). */
    @Transactional
    public int countAll(long id, List<Count> counts, String actor) {
        openForUpdate(id);
        for (Count c : counts) {
            write(id, c.productId(), c.counted(), actor);
        }
        return counts.size();
    }

    /** A count for {@link #countAll}. */
    public record Count(long productId, Integer counted) {}

    /** The sheet's product ids by code, for reading a CSV of counts. */
    public java.util.Map<String, Long> codes(long id) {
        java.util.Map<String, Long> codes = new java.util.HashMap<>();
        jdbc.sql("select p.code, p.id from stocktake_line l join product p on p.id = l.product_id"
                        + " where l.stocktake_id = ?")
                .param(id)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getLong(2));
                });
        return codes;
    }

    /**
     * Applies the sheet, once: for each counted SKU books counted − on hand at the count (棚卸差異), keeps each
     * difference with its value at the SKU's cost price, and sends orders beyond the new on hand to 引当待ち.
     * Uncounted SKUs are left as they are. A second apply (also a second click at the same moment) is refused.
     */
    @Transactional
    public Applied apply(long id, String actor) {
        State state = openForUpdate(id);
        if (state == State.CREATED) {
            throw new IllegalArgumentException("まだ実数が1件も入力されていません");
        }
        String document = "棚卸 #" + id;
        record Counted(long productId, String code, int difference, long costPrice) {}
        List<Counted> counted = jdbc.sql("""
                        select l.product_id, p.code, l.counted - l.expected_at_count as difference, p.cost_price
                        from stocktake_line l join product p on p.id = l.product_id
                        where l.stocktake_id = ? and l.counted is not null order by l.product_id
                        """).param(id).query(Counted.class).list();
        Set<Long> fell = new TreeSet<>();
        long value = 0;
        int booked = 0;
        for (Counted c : counted) {
            movements.bookDifference(c.productId(), c.code(), c.difference(), document, actor);
            long lineValue = (long) c.difference() * c.costPrice();
            value += lineValue;
            jdbc.sql("update stocktake_line set difference = ?, cost_price = ?, difference_value = ?"
                            + " where stocktake_id = ? and product_id = ?")
                    .params(c.difference(), c.costPrice(), lineValue, id, c.productId())
                    .update();
            if (c.difference() != 0) {
                booked++;
            }
            if (c.difference() < 0) {
                fell.add(c.productId());
            }
        }
        jdbc.sql("update stocktake set state = 'APPLIED', closed_at = now(), closed_by = ? where id = ?")
                .params(actor, id)
                .update();
        List<Long> reallocated = fell.isEmpty() ? List.of() : shortfalls.reallocateBeyondOnHand(fell, "棚卸差異", actor);
        return new Applied(booked, value, reallocated);
    }

    @Transactional
    public void cancel(long id, String actor) {
        openForUpdate(id);
        jdbc.sql("update stocktake set state = 'CANCELLED', closed_at = now(), closed_by = ? where id = ?")
                .params(actor, id)
                .update();
    }

    /** Locks the sheet and returns its state; refuses a closed one. */
    private State openForUpdate(long id) {
        State state = jdbc.sql("select state from stocktake where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .map(State::valueOf)
                .orElseThrow(() -> new IllegalArgumentException("棚卸表 #" + id + " はありません"));
        if (!state.open()) {
            throw new IllegalArgumentException("棚卸表 #" + id + " は" + state.label() + "です。変更できません");
        }
        return state;
    }

    private int write(long id, long productId, Integer counted, String actor) {
        int updated = jdbc.sql("""
                        update stocktake_line set counted = ?,
                            expected_at_count = case when ?::integer is null then null else coalesce(
                                (select on_hand from stock where warehouse_id = 1 and product_id = ?), 0) end,
                            counted_at = case when ?::integer is null then null else now() end,
                            counted_by = case when ?::integer is null then null else ? end
                        where stocktake_id = ? and product_id = ?
                        """)
                .params(counted, counted, productId, counted, counted, actor, id, productId)
                .update();
        if (updated > 0) {
            jdbc.sql("update stocktake set state = 'COUNTING' where id = ? and state = 'CREATED'")
                    .param(id)
                    .update();
        }
        return updated;
    }

    private static final String SHEET = """
            select t.id, t.title, t.scope, t.location_prefix, t.category, t.state, t.created_at, t.created_by, t.closed_at,
                   t.closed_by,
                   (select count(*) from stocktake_line l where l.stocktake_id = t.id) as lines,
                   (select count(*) from stocktake_line l where l.stocktake_id = t.id and l.counted is not null)
                       as counted,
                   (select count(*) from stocktake_line l where l.stocktake_id = t.id
                       and coalesce(l.difference, l.counted - l.expected_at_count) <> 0) as differing,
                   coalesce((select sum(l.difference_value) from stocktake_line l where l.stocktake_id = t.id), 0)
                       as difference_value
            from stocktake t""";

    private static final String LINE = """
            select l.product_id, p.code, p.name, p.jan_code, l.shelf_location, l.expected, l.counted,
                   l.expected_at_count, l.counted_at, l.counted_by, l.difference, l.cost_price, l.difference_value
            from stocktake_line l join product p on p.id = l.product_id""";

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
