package jp.juchu.oms.shipping;

/** A delivery carrier (配達業者), with the name the shop's API gives it. */
public enum Carrier {
    YAMATO("ヤマト運輸", "Yamato"),
    SAGAWA("佐川急便", "Sagawa"),
    JAPAN_POST("日本郵便", "JapanPost");

    private final String label;
    private final String apiName;

    Carrier(String label, String apiName) {
        this.label = label;
        this.apiName = apiName;
    }

    public String label() {
        return label;
    }

    /** The carrier as the shop's order API names it. */
    public String apiName() {
        return apiName;
    }
}
