package jp.juchu.oms.mails;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order mail settings ({@code oms.mails.*}); the SMTP server itself is set on メール設定, not here.
 *
 * @param mailDir where mails are written as {@code .eml} files while no SMTP server is set (the demo)
 * @param maxAttempts tries of one mail before it is marked failed and the order gets an alert
 * @param retryBase the pause after the first failure; it doubles after each further one
 * @param timeout connecting to, and each answer of, the SMTP server
 * @param maxSelection the most orders one bulk send from the order list takes
 */
@ConfigurationProperties("oms.mails")
public record MailsSettings(
        @DefaultValue("./data/oms/mail") Path mailDir,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBase,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("500") int maxSelection) {}
