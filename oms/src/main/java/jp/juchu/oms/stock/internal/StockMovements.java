package jp.juchu.oms.stock.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.stock.Shortfalls;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import jp.juchu.oms.system.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入出庫: the one rule for a person's stock movements — the movement form, its CSV and the stocktake all come through
 * here. A movement is 入庫 (in), 出庫 (out), 在庫数指定 (on hand set to a counted figure) or 棚移動 (the SKU moved to
 * another shelf location of the warehouse), always with a reason of {@link MovementReason}. Each is one ledger row;
 * on hand taken below what is allocated sends the youngest orders holding it to 引当待ち ({@link Shortfalls}).
 */
@Service
public class StockMovements {

    public static final int MAX_QUANTITY = 9_999_999;
    public static final int MAX_NOTE = 100;
    public static final int MAX_LOCATION = 30;

    /** The fields as the form and the CSV name them. */
    public static final String TYPE = "区分";

    public static final String CODE = "商品コード";
    public static final String QUANTITY = "数量";
    public static final String REASON = "理由";
    public static final String NOTE = "メモ";
    public static final String LOCATION = "移動先棚番";

    public enum Type {
        IN("入庫", "IN"),
        OUT("出庫", "OUT"),
        SET("在庫数指定", "ADJUST"),
        MOVE("棚移動", "MOVE");

        private final String label;
        private final String ledgerKind;

        Type(String label, String ledgerKind) {
            this.label = label;
            this.ledgerKind = ledgerKind;
        }

        public String label() {
            return label;
        }

        /** The type with this label (入庫 …) or name (IN …). */
        public static Optional<Type> of(String value) {
            String v = value == null ? "" : value.strip();
            return Arrays.stream(values())
                    .filter(t -> t.label.equals(v) || t.name().equals(v))
                    .findFirst();
        }
    }

    /** A movement as a person or a CSV line gives it, as text. */
    public record Request(String type, String code, String quantity, String reason, String note, String location) {}

    /** What is wrong with a request: the field, named as on the form and in the CSV, and why. */
    public record Problem(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** A request that passed {@link #check}: ready to book. */
    public record Checked(
            Type type, Product product, int quantity, MovementReason reason, String note, String location) {}

    /** A request checked: either {@code checked} or its problems. */
    public record Outcome(Checked checked, List<Problem> problems) {}

    /** What one movement did: on hand before and after; for a move, the shelf locations. */
    public record Booked(String code, Type type, int before, int after, String from, String to) {}

    /** What a booking did, and the orders it sent back to allocation because on hand fell below allocated. */
    public record Result(List<Booked> booked, List<Long> reallocatedOrders) {}

    /** A movement refused while booking (nothing of the booking is kept): which one of the list, and why. */
    public static final class Refused extends IllegalArgumentException {
        private final int index;
        private final transient Problem problem;

        Refused(int index, Problem problem) {
            super(problem.toString());
            this.index = index;
            this.problem = problem;
        }

        public int index() {
            return index;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final JdbcClient jdbc;
    private final Products products;
    private final StockLedger ledger;
    private final Shortfalls shortfalls;

    StockMovements(JdbcClient jdbc, Products products, StockLedger ledger, Shortfalls shortfalls) {
        this.jdbc = jdbc;
        this.products = products;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
    }

    /** Checks a request without touching the stock: every problem of it, field by field. */
    public Outcome check(Request r) {
        List<Problem> problems = new ArrayList<>();
        String[][] texts = {
            {TYPE, r.type()},
            {CODE, r.code()},
            {QUANTITY, r.quantity()},
            {REASON, r.reason()},
            {NOTE, r.note()},
            {LOCATION, r.location()}
        };
        for (String[] t : texts) {
            if (Text.hasLineBreakOrControl(t[1])) {
                problems.add(new Problem(t[0], "改行や制御文字は使えません"));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        Type type = Type.of(r.type()).orElse(null);
        if (type == null) {
            problems.add(new Problem(TYPE, "入庫・出庫・在庫数指定・棚移動のいずれかを指定してください"));
        }
        Product product = product(r.code(), problems);
        int quantity = 0;
        if (type != null && type != Type.MOVE) {
            quantity = quantity(r.quantity(), type == Type.SET ? 0 : 1, problems);
        }
        String note = blankToEmpty(r.note());
        if (note.length() > MAX_NOTE) {
            problems.add(new Problem(NOTE, MAX_NOTE + "文字以内で入力してください"));
        }
        MovementReason reason = MovementReason.of(r.reason()).orElse(null);
        if (reason == null) {
            problems.add(new Problem(
                    REASON,
                    blankToEmpty(r.reason()).isEmpty()
                            ? "理由を選んでください"
                            : "「" + Text.printable(r.reason().strip()) + "」は理由の一覧にありません ("
                                    + String.join("・", MovementReason.labels()) + ")"));
        } else {
            if (type == Type.IN && !reason.allows(true)) {
                problems.add(new Problem(REASON, "「" + reason.label() + "」は出庫の理由です。入庫には使えません"));
            }
            if (type == Type.OUT && !reason.allows(false)) {
                problems.add(new Problem(REASON, "「" + reason.label() + "」は入庫の理由です。出庫には使えません"));
            }
            if (type == Type.SET
                    && reason != MovementReason.INITIAL
                    && reason != MovementReason.STOCKTAKE
                    && reason != MovementReason.OTHER) {
                problems.add(new Problem(REASON, "在庫数指定の理由は 初期在庫・棚卸差異・その他 のいずれかです"));
            }
            if (reason.needsText() && note.isEmpty()) {
                problems.add(new Problem(NOTE, "理由が「その他」のときは内容を入力してください"));
            }
        }
        String location = blankToEmpty(r.location());
        if (type == Type.MOVE) {
            if (location.isEmpty()) {
                problems.add(new Problem(LOCATION, "棚移動では移動先の棚番を入力してください"));
            } else if (location.length() > MAX_LOCATION) {
                problems.add(new Problem(LOCATION, MAX_LOCATION + "文字以内で入力してください"));
            } else if (product != null && location.equals(product.shelfLocation())) {
                problems.add(new Problem(LOCATION, "今の棚番 (" + location + ") と同じです"));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new Checked(type, product, quantity, reason, note, location), List.of());
    }

    /**
     * Checks and books one movement.
     *
     * @throws IllegalArgumentException in Japanese, naming the fields, when it cannot be made
     */
    @Transactional
    public Result record(Request request, String actor) {
        Outcome outcome = check(request);
        if (!outcome.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join(
                    " / ", outcome.problems().stream().map(Problem::toString).toList()));
        }
        return book(List.of(outcome.checked()), null, actor);
    }

    /**
     * Books checked movements in order, all or nothing: a movement that would take on hand out of range (a 出庫
     * beyond on hand, a total beyond ±9,999,999) refuses the whole list with {@link Refused}.
     */
    @Transactional
    public Result book(List<Checked> movements, String document, String actor) {
        List<Booked> booked = new ArrayList<>();
        Set<Long> fell = new LinkedHashSet<>();
        for (int i = 0; i < movements.size(); i++) {
            Checked m = movements.get(i);
            long productId = m.product().id();
            int before = lockedOnHand(productId);
            if (m.type() == Type.MOVE) {
                String from = products.relocate(productId, m.location());
                String moved = "棚番 " + (from == null || from.isBlank() ? "(なし)" : from) + " → " + m.location();
                ledger.book(List.of(new StockMovement(
                        productId, "MOVE", 0, 0, null, document == null ? moved : document, text(m), actor)));
                booked.add(new Booked(m.product().code(), m.type(), before, before, from, m.location()));
                continue;
            }
            long after = switch (m.type()) {
                case IN -> (long) before + m.quantity();
                case OUT -> (long) before - m.quantity();
                default -> m.quantity();
            };
            if (m.type() == Type.OUT && after < 0) {
                throw new Refused(
                        i,
                        new Problem(
                                QUANTITY,
                                "実在庫 (" + before + ") を超えて出庫はできません ("
                                        + m.product().code() + ")"));
            }
            if (after > MAX_QUANTITY) {
                throw new Refused(
                        i,
                        new Problem(
                                QUANTITY,
                                "入庫後の実在庫が上限 (" + MAX_QUANTITY + ") を超えます ("
                                        + m.product().code() + ")"));
            }
            int change = (int) (after - before);
            if (change != 0) {
                ledger.book(List.of(
                        new StockMovement(productId, m.type().ledgerKind, change, 0, null, document, text(m), actor)));
            }
            if (change < 0) {
                fell.add(productId);
            }
            booked.add(new Booked(m.product().code(), m.type(), before, (int) after, null, null));
        }
        List<Long> reallocated =
                fell.isEmpty() ? List.of() : shortfalls.reallocateBeyondOnHand(fell, "在庫減少 (入出庫)", actor);
        return new Result(booked, reallocated);
    }

    /**
     * Books a stocktake's difference of one SKU (kind STOCKTAKE, reason 棚卸差異) under the same bounds as every
     * movement; the caller sends orders beyond on hand to allocation once all SKUs are booked.
     */
    void bookDifference(long productId, String code, int difference, String document, String actor) {
        int before = lockedOnHand(productId);
        long after = (long) before + difference;
        if (after < -MAX_QUANTITY || after > MAX_QUANTITY) {
            throw new IllegalArgumentException(code + ": 確定後の実在庫が範囲 (±" + MAX_QUANTITY + ") を超えます");
        }
        if (difference != 0) {
            ledger.book(List.of(new StockMovement(
                    productId, "STOCKTAKE", difference, 0, null, document, MovementReason.STOCKTAKE.label(), actor)));
        }
    }

    private int lockedOnHand(long productId) {
        jdbc.sql("insert into stock (warehouse_id, product_id) values (1, ?) on conflict do nothing")
                .param(productId)
                .update();
        return jdbc.sql("select on_hand from stock where warehouse_id = 1 and product_id = ? for update")
                .param(productId)
                .query(Integer.class)
                .single();
    }

    private static String text(Checked m) {
        String reason = m.note().isEmpty() ? m.reason().label() : m.reason().label() + ": " + m.note();
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    private Product product(String code, List<Problem> problems) {
        String clean = blankToEmpty(code);
        if (clean.isEmpty()) {
            problems.add(new Problem(CODE, "入力してください"));
            return null;
        }
        if (clean.length() > 30) {
            problems.add(new Problem(CODE, "30文字以内で入力してください"));
            return null;
        }
        Product product = products.byCode(clean).orElse(null);
        if (product == null) {
            problems.add(new Problem(CODE, Text.printable(clean) + " は登録されていません"));
        } else if (product.kind() != Product.Kind.SKU) {
            problems.add(new Problem(CODE, clean + " はセット商品です。構成品の在庫を動かしてください"));
        } else if (!product.stockManaged()) {
            problems.add(new Problem(CODE, clean + " は在庫管理しない商品です"));
        }
        return product;
    }

    /** A whole number in range; full-width digits and thousands separators are read as such. */
    static int quantity(String value, int min, List<Problem> problems) {
        String v =
                Normalizer.normalize(blankToEmpty(value), Normalizer.Form.NFKC).replace(",", "");
        String range = (min == 0 ? "0" : "1") + "〜9,999,999 の整数で入力してください";
        if (v.isEmpty()) {
            problems.add(new Problem(QUANTITY, "入力してください。" + range));
            return 0;
        }
        if (!v.matches("-?\\d{1,12}")) {
            problems.add(new Problem(QUANTITY, "「" + Text.printable(v) + "」は整数ではありません。" + range));
            return 0;
        }
        long n = Long.parseLong(v);
        if (n < min || n > MAX_QUANTITY) {
            problems.add(new Problem(QUANTITY, range));
            return 0;
        }
        return (int) n;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
