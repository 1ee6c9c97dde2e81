package jp.juchu.oms.malls;

/** The malls the OMS can connect to (モール). */
public enum Mall {
    SHOP_SERVE("Eストアー ショップサーブ");

    private final String label;

    Mall(String label) {
        this.label = label;
    }

    /** The mall's name as pages show it. */
    public String label() {
        return label;
    }
}
