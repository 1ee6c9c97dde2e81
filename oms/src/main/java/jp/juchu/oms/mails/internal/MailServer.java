package jp.juchu.oms.mails.internal;

/**
 * The SMTP server the mails go out through (メール設定). Without a host the mails are written as {@code .eml} files
 * (the demo). The password is not part of it: it stays sealed in {@link MailServers}.
 *
 * @param security NONE, STARTTLS (port 587) or SSL (SMTPS, port 465)
 */
public record MailServer(
        String host,
        int port,
        String username,
        boolean hasPassword,
        String security,
        String fromAddress,
        String fromName) {

    public static final String DEFAULT_FROM = "no-reply@oms.juchu.example";

    static MailServer none() {
        return new MailServer(null, 587, null, false, "STARTTLS", DEFAULT_FROM, null);
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
