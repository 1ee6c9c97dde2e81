package jp.juchu.oms.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payment methods (支払方法) an order can have, with the Japanese names every page and history line uses. */
public final class PaymentMethods {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("CreditCard", "クレジットカード");
        LABELS.put(CashOnDelivery.METHOD, "代金引換");
        LABELS.put("BankTransfer", "銀行振込");
        LABELS.put("ConvenienceStore", "コンビニ決済");
        LABELS.put("PostalTransfer", "郵便振替");
    }

    /** The methods a person can choose, in the order a list shows them. */
    public static final List<String> ALL = List.copyOf(LABELS.keySet());

    private PaymentMethods() {}

    public static boolean isKnown(String code) {
        return LABELS.containsKey(code);
    }

    /** 代金引換 for {@code CashOnDelivery}; 不明 (code) for a method the OMS does not know. */
    public static String labelOf(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = LABELS.get(code);
        return label != null ? label : "不明 (" + code + ")";
    }
}
