package jp.juchu.oms.purchasing.internal;

/** A receipt of more than was ordered, not confirmed yet: the page shows the warning and asks again. */
public class OverReceipt extends PurchasingRefused {

    public OverReceipt(String message) {
        super(message);
    }
}
