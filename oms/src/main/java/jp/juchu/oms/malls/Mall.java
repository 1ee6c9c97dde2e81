package jp.juchu.oms.malls;

import java.util.Objects;

/**
 * A kind of sales channel (モール / 販売チャネル), as stored in {@code mall_connection.mall}: a mall reached through
 * a {@link MallConnector} (Shop Serve, or the next mall's connector), or one of the merchant's own channels — orders
 * entered by hand (受注登録) and orders read from CSV files (データ取込) — which have no connector. Its Japanese name
 * is the message {@code malls.mall.<name>}.
 *
 * @param name the kind's code, upper case ({@code SHOP_SERVE})
 */
public record Mall(String name) {

    /** Eストアー ショップサーブ. */
    public static final Mall SHOP_SERVE = new Mall("SHOP_SERVE");

    /** 受注登録: orders a person entered (phone, fax, shop floor). */
    public static final Mall MANUAL = new Mall("MANUAL");

    /** データ取込: orders read from CSV files (a mall without an API, a phone-order sheet). */
    public static final Mall CSV = new Mall("CSV");

    public Mall {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Z][A-Z0-9_]{0,19}")) {
            throw new IllegalArgumentException("not a mall kind: " + name);
        }
    }

    /** The kind stored as {@code code}; how a stored row becomes a {@code Mall}. */
    public static Mall valueOf(String code) {
        return new Mall(code);
    }

    /** Whether this is one of the merchant's own channels, whose orders come from the OMS itself. */
    public boolean ownChannel() {
        return equals(MANUAL) || equals(CSV);
    }

    @Override
    public String toString() {
        return name;
    }
}
