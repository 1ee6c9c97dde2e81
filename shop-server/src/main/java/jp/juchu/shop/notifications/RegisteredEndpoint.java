package jp.juchu.shop.notifications;

/** An endpoint just registered, with its signing secret — the only time the secret leaves the shop server. */
public record RegisteredEndpoint(NotificationEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "RegisteredEndpoint[endpoint=" + endpoint + ", secret=****]";
    }
}
