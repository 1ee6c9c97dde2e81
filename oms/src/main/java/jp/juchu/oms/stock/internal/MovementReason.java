package jp.juchu.oms.stock.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why stock went in or out — the one list every path uses (the movement form, its CSV, the stocktake). A reason
 * belongs to a direction: 破損 never brings stock in, 返品入庫 never takes it out; その他 needs a text saying what.
 */
public enum MovementReason {
    INITIAL("初期在庫", true, false),
    RETURNED("返品入庫", true, false),
    DAMAGED("破損", false, true),
    LOST("紛失", false, true),
    SAMPLE("サンプル", false, true),
    INTERNAL_USE("社内使用", false, true),
    STORE_SALE("実店舗販売", false, true),
    STOCKTAKE("棚卸差異", true, true),
    OTHER("その他", true, true);

    private final String label;
    private final boolean in;
    private final boolean out;

    MovementReason(String label, boolean in, boolean out) {
        this.label = label;
        this.in = in;
        this.out = out;
    }

    public String label() {
        return label;
    }

    /** Whether stock may come in (true) or go out (false) for this reason. */
    public boolean allows(boolean incoming) {
        return incoming ? in : out;
    }

    public boolean needsText() {
        return this == OTHER;
    }

    /** The reason with this label (初期在庫 …) or name (INITIAL …). */
    public static Optional<MovementReason> of(String value) {
        String v = value == null ? "" : value.strip();
        return Arrays.stream(values())
                .filter(r -> r.label.equals(v) || r.name().equals(v))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(MovementReason::label).toList();
    }
}
