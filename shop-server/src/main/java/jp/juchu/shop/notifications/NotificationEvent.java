package jp.juchu.shop.notifications;

/** What a notification says happened to an order; {@link #wireName()} is the {@code event} of the message. */
public enum NotificationEvent {
    ORDER_PLACED("order.placed"),
    ORDER_CHANGED("order.changed");

    private final String wireName;

    NotificationEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event of a wire name ({@code order.placed}) or of a constant name ({@code ORDER_PLACED}). */
    public static java.util.Optional<NotificationEvent> parse(String name) {
        for (NotificationEvent event : values()) {
            if (event.wireName.equals(name) || event.name().equals(name)) {
                return java.util.Optional.of(event);
            }
        }
        return java.util.Optional.empty();
    }
}
