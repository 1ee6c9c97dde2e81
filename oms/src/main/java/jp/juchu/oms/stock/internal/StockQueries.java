package jp.juchu.oms.stock.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stock screens' reading: the stock list (在庫一覧) and the ledger (在庫履歴), filtered and paged. */
@Service
public class StockQueries {

    public static final int MAX_QUERY_LENGTH = 100;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** The stock list's filters. */
    public enum Filter {
        ALL("すべて"),
        LOW("在庫少"),
        OUT("在庫切れ"),
        NEGATIVE("フリー在庫マイナス");

        private final String label;

        Filter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Row(
            long productId,
            String code,
            String name,
            String shelfLocation,
            int onHand,
            int allocated,
            int free,
            int inbound,
            int held,
            int waitingOrders) {}

    public record Page<T>(List<T> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** The ledger's filters; any may be null. Dates are days in Asia/Tokyo, inclusive. */
    public record HistoryFilter(String code, String kind, String orderNumber, LocalDate from, LocalDate to) {}

    public record Movement(
            long id,
            OffsetDateTime at,
            String code,
            String name,
            String kind,
            int onHandChange,
            int allocatedChange,
            Long orderId,
            String orderNumber,
            String document,
            String reason,
            String actor) {}

    /** The kinds of ledger rows, with the merchant's words for them. */
    public static final List<String> KINDS =
            List.of("IN", "OUT", "MOVE", "ADJUST", "STOCKTAKE", "ALLOCATE", "RELEASE", "SHIP", "UNSHIP", "RECEIVE");

    /** The kinds a person's movements (入出庫管理) and stocktakes write. */
    public static final List<String> MOVEMENT_KINDS = List.of("IN", "OUT", "MOVE", "ADJUST", "STOCKTAKE");

    public static String kindLabel(String kind) {
        return switch (kind) {
            case "IN" -> "入庫";
            case "OUT" -> "出庫";
            case "MOVE" -> "棚移動";
            case "STOCKTAKE" -> "棚卸差異";
            case "ADJUST" -> "在庫調整";
            case "ALLOCATE" -> "引当";
            case "RELEASE" -> "引当解除";
            case "SHIP" -> "出荷";
            case "UNSHIP" -> "出荷取消";
            case "RECEIVE" -> "入荷";
            default -> kind;
        };
    }

    private final JdbcClient jdbc;

    StockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Row> list(String q, Filter filter, int lowThreshold, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where p.kind = 'SKU' and p.stock_managed");
        if (q != null && !q.isBlank()) {
            where.append(" and (p.code ilike ? or p.name ilike ? or p.jan_code = ?)");
            String like = "%" + likeEscaped(q.strip()) + "%";
            params.add(like);
            params.add(like);
            params.add(q.strip());
        }
        String free = "(coalesce(s.on_hand, 0) - coalesce(s.allocated, 0))";
        switch (filter) {
            case LOW -> {
                where.append(" and ").append(free).append(" between 1 and ?");
                params.add(lowThreshold);
            }
            case OUT -> where.append(" and ").append(free).append(" <= 0");
            case NEGATIVE -> where.append(" and ").append(free).append(" < 0");
            case ALL -> {}
        }
        String from = " from product p left join stock s on s.product_id = p.id and s.warehouse_id = 1";
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Row> rows = jdbc.sql(
                        "select p.id as product_id, p.code, p.name, p.shelf_location, coalesce(s.on_hand, 0) as on_hand,"
                                + " coalesce(s.allocated, 0) as allocated, " + free + " as free,"
                                + " coalesce(s.inbound, 0) as inbound, coalesce(s.held, 0) as held,"
                                + " (select count(distinct l.order_id) from order_allocation_line l"
                                + " where l.product_id = p.id and not l.allocated) as waiting_orders"
                                + from + where + " order by p.code limit ? offset ?")
                .params(pageParams)
                .query(Row.class)
                .list();
        return new Page<>(rows, total, page, size);
    }

    public Page<Movement> history(HistoryFilter filter, int page, int size) {
        Query query = historyQuery(filter);
        long total = jdbc.sql("select count(*)" + query.from())
                .params(query.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(query.params());
        params.add(size);
        params.add((long) page * size);
        List<Movement> rows = jdbc.sql(MOVEMENT + query.from() + " order by l.id desc limit ? offset ?")
                .params(params)
                .query(Movement.class)
                .list();
        return new Page<>(rows, total, page, size);
    }

    /** The movements people booked (入出庫, 在庫数指定, 棚卸), newest first. */
    public Page<Movement> movements(int page, int size) {
        String from = " from stock_ledger l join product p on p.id = l.product_id"
                + " left join oms_order o on o.id = l.order_id where l.kind = any (?)";
        Object kinds = MOVEMENT_KINDS.toArray(String[]::new);
        long total = jdbc.sql("select count(*)" + from)
                .param(kinds)
                .query(Long.class)
                .single();
        List<Movement> rows = jdbc.sql(MOVEMENT + from + " order by l.id desc limit ? offset ?")
                .params(kinds, size, (long) page * size)
                .query(Movement.class)
                .list();
        return new Page<>(rows, total, page, size);
    }

    /** How many ledger rows the filter selects. */
    public long countHistory(HistoryFilter filter) {
        Query query = historyQuery(filter);
        return jdbc.sql("select count(*)" + query.from())
                .params(query.params())
                .query(Long.class)
                .single();
    }

    /** Every ledger row the filter selects, oldest first (for the CSV). */
    public void eachMovement(HistoryFilter filter, Consumer<Movement> each) {
        Query query = historyQuery(filter);
        jdbc.sql(MOVEMENT + query.from() + " order by l.id").params(query.params()).query(Movement.class).stream()
                .forEach(each);
    }

    /** What one order line holds of a SKU, for the order page. */
    public record OrderLine(int deliveryId, int lineNo, String code, String name, int quantity, boolean allocated) {}

    /** The order's allocation for the order page: its state (NONE when it has none) and its lines. */
    public record OrderAllocation(String state, List<OrderLine> lines) {

        public String stateLabel() {
            return switch (state) {
                case "PENDING" -> "引当前";
                case "ALLOCATED" -> "引当済み";
                case "SHORT" -> "在庫不足 (引当待ち)";
                case "SHIPPED" -> "出荷済み";
                case "RELEASED" -> "引当解除";
                default -> "引当なし";
            };
        }
    }

    public OrderAllocation ofOrder(long orderId) {
        String state = jdbc.sql("select state from order_allocation where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse("NONE");
        List<OrderLine> lines = jdbc.sql("select l.delivery_id, l.line_no, p.code, p.name, l.quantity, l.allocated"
                        + " from order_allocation_line l join product p on p.id = l.product_id where l.order_id = ?"
                        + " order by l.delivery_id, l.line_no, p.code")
                .param(orderId)
                .query(OrderLine.class)
                .list();
        return new OrderAllocation(state, lines);
    }

    private static final String MOVEMENT = "select l.id, l.at, p.code, p.name, l.kind, l.on_hand_change,"
            + " l.allocated_change, l.order_id, o.order_number, l.document, l.reason, l.actor";

    private record Query(String from, List<Object> params) {}

    private static Query historyQuery(HistoryFilter f) {
        StringBuilder from = new StringBuilder(" from stock_ledger l join product p on p.id = l.product_id"
                + " left join oms_order o on o.id = l.order_id where true");
        List<Object> params = new ArrayList<>();
        if (f.code() != null && !f.code().isBlank()) {
            from.append(" and p.code = ?");
            params.add(f.code().strip());
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            from.append(" and l.kind = ?");
            params.add(f.kind());
        }
        if (f.orderNumber() != null && !f.orderNumber().isBlank()) {
            from.append(" and o.order_number = ?");
            params.add(f.orderNumber().strip());
        }
        if (f.from() != null) {
            from.append(" and l.at >= ?");
            params.add(f.from().atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (f.to() != null) {
            from.append(" and l.at < ?");
            params.add(f.to().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime());
        }
        return new Query(from.toString(), params);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
