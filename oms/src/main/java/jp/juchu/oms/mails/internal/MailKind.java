package jp.juchu.oms.mails.internal;

/** What a template is for (種類); the kind chooses nothing by itself except that a follow-up waits its days. */
public enum MailKind {
    ORDER_CONFIRMATION("受注確認"),
    SHIPPING("発送連絡"),
    FOLLOW_UP("フォロー"),
    PAYMENT_CONFIRMED("入金確認"),
    FREE("自由");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
