package jp.juchu.oms.mails.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.Secrets;
import jp.juchu.oms.orders.OrderLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * メール設定: the SMTP server (its password sealed with the OMS master key, never shown nor logged) and each shop's
 * sender details.
 */
@Service
public class MailServers {

    static final String PASSWORD = "smtp-password";

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final AuditLog audit;
    private final MallConnections connections;

    MailServers(JdbcClient jdbc, Secrets secrets, AuditLog audit, MallConnections connections) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
        this.connections = connections;
    }

    public MailServer server() {
        return jdbc.sql("select host, port, username, password_sealed is not null as has_password, security,"
                        + " from_address, from_name from mail_server where id = 1")
                .query(MailServer.class)
                .optional()
                .orElse(MailServer.none());
    }

    /** The password to log in with, or empty. */
    Optional<String> password() {
        return jdbc.sql("select password_sealed from mail_server where id = 1 and password_sealed is not null")
                .query(String.class)
                .optional()
                .map(stored -> secrets.open(PASSWORD, stored));
    }

    /**
     * Saves the SMTP server. A blank {@code newPassword} keeps the stored one unless {@code forgetPassword}.
     *
     * @throws InputRefused naming each wrong field; nothing is saved
     */
    @Transactional
    public void save(MailServer server, String newPassword, boolean forgetPassword, String actor) {
        List<String> problems = new ArrayList<>();
        String host = strip(server.host());
        if (host != null && (host.length() > 253 || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+"))) {
            problems.add("SMTPサーバー: ホスト名かIPアドレスを入力してください");
        }
        if (server.port() < 1 || server.port() > 65535) {
            problems.add("ポート: 1〜65535で入力してください");
        }
        if (!List.of("NONE", "STARTTLS", "SSL").contains(server.security())) {
            problems.add("暗号化: なし・STARTTLS・SSL/TLSから選んでください");
        }
        String user = strip(server.username());
        if (user != null && user.length() > 254) {
            problems.add("ユーザー名: 254文字までです");
        }
        if (newPassword != null && newPassword.length() > 200) {
            problems.add("パスワード: 200文字までです");
        }
        String from = strip(server.fromAddress());
        if (from == null || !OrderLimits.isEmail(from)) {
            problems.add("送信元メールアドレス: メールアドレスの形で入力してください");
        }
        String fromName = strip(server.fromName());
        if (fromName != null && (fromName.length() > 100 || lineBreak(fromName))) {
            problems.add("送信者名: 改行なしの100文字までです");
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(problems);
        }
        String newSealed = newPassword == null || newPassword.isEmpty() ? null : secrets.seal(PASSWORD, newPassword);
        jdbc.sql("""
                        insert into mail_server (id, host, port, username, password_sealed, security, from_address, from_name)
                        values (1, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set host = excluded.host, port = excluded.port,
                            username = excluded.username,
                            password_sealed = case when ? then null
                                else coalesce(excluded.password_sealed, mail_server.password_sealed) end,
                            security = excluded.security, from_address = excluded.from_address,
                            from_name = excluded.from_name, updated_at = now()
                        """)
                .params(host, server.port(), user, newSealed, server.security(), from, fromName, forgetPassword)
                .update();
        audit.record(
                actor,
                "MAIL_SETTINGS_SAVED",
                "mail-server",
                (host == null
                                ? "SMTPなし (.emlファイルに書き出す)"
                                : "SMTP " + host + ":" + server.port() + " " + server.security())
                        + (newSealed != null ? " (パスワードを変更)" : forgetPassword ? " (パスワードを削除)" : ""));
    }

    public List<ShopSender> shops() {
        return jdbc.sql("select connection_id, shop_name, from_address, shop_url, phone, signature from mail_shop"
                        + " order by connection_id")
                .query(ShopSender.class)
                .list();
    }

    public Optional<ShopSender> shop(long connectionId) {
        return jdbc.sql("select connection_id, shop_name, from_address, shop_url, phone, signature from mail_shop"
                        + " where connection_id = ?")
                .param(connectionId)
                .query(ShopSender.class)
                .optional();
    }

    /** Saves a shop's sender details; a blank shop name removes them (the 契約者情報 stand in again). */
    @Transactional
    public void saveShop(ShopSender shop, String actor) {
        List<String> problems = new ArrayList<>();
        if (connections.find(shop.connectionId()).isEmpty()) {
            throw new InputRefused(List.of("店舗が見つかりません"));
        }
        String name = strip(shop.shopName());
        if (name != null && (name.length() > 100 || lineBreak(name))) {
            problems.add("店舗名: 改行なしの100文字までです");
        }
        String from = strip(shop.fromAddress());
        if (from != null && !OrderLimits.isEmail(from)) {
            problems.add("送信元メールアドレス: メールアドレスの形で入力してください");
        }
        String url = strip(shop.shopUrl());
        if (url != null && (url.length() > 300 || !url.matches("https?://\\S+"))) {
            problems.add("店舗URL: http:// か https:// で始まるURLを入力してください");
        }
        String phone = strip(shop.phone());
        if (phone != null && !phone.matches("[0-9+\\-() ]{1,30}")) {
            problems.add("電話番号: 数字とハイフンで30文字までです");
        }
        String signature = shop.signature() == null ? null : MailTemplates.normalized(shop.signature());
        if (signature != null && signature.length() > 2000) {
            problems.add("署名: 2,000文字までです");
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(problems);
        }
        if (name == null) {
            jdbc.sql("delete from mail_shop where connection_id = ?")
                    .param(shop.connectionId())
                    .update();
        } else {
            jdbc.sql("""
                            insert into mail_shop (connection_id, shop_name, from_address, shop_url, phone, signature)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (connection_id) do update set shop_name = excluded.shop_name,
                                from_address = excluded.from_address, shop_url = excluded.shop_url,
                                phone = excluded.phone, signature = excluded.signature, updated_at = now()
                            """)
                    .params(
                            shop.connectionId(),
                            name,
                            from,
                            url,
                            phone,
                            signature == null || signature.isBlank() ? null : signature)
                    .update();
        }
        audit.record(
                actor,
                "MAIL_SETTINGS_SAVED",
                "mail-shop:" + shop.connectionId(),
                "店舗の送信者情報: " + (name == null ? "削除" : name));
    }

    /** A sender name becomes the From header's display name: a line end in it would start a header of its own. */
    private static boolean lineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
