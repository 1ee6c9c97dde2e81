package jp.juchu.oms.mails.internal;

import org.springframework.stereotype.Component;

/** テスト送信: a short mail through the SMTP server as saved, so that the merchant sees at once whether it works. */
@Component
public class MailTests {

    private final MailTransport transport;
    private final MailServers servers;

    MailTests(MailTransport transport, MailServers servers) {
        this.transport = transport;
        this.servers = servers;
    }

    public record Result(boolean ok, String message) {}

    public Result send(String to) {
        String problem = MailSending.recipientProblem(to);
        if (problem != null) {
            return new Result(false, "宛先: メールアドレスの形で入力してください");
        }
        MailServer server = servers.server();
        try {
            transport.test(
                    to,
                    "【juchu】テスト送信",
                    "juchu 受注管理のメール設定から送ったテストメールです。\n"
                            + (server.configured()
                                    ? "SMTPサーバー: " + server.host() + ":" + server.port() + " (" + server.security()
                                            + ")"
                                    : "SMTPサーバーが未設定のため、.emlファイルに書き出しました。")
                            + "\n");
            return new Result(
                    true, server.configured() ? to + " にテストメールを送信しました" : "SMTPサーバーが未設定のため、テストメールを.emlファイルに書き出しました");
        } catch (Exception e) {
            return new Result(false, "テストメールを送れませんでした: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
