package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

class MailOutboxTests {

    @Test
    void withoutSmtpHostEachMailIsWrittenAsAnEmlFile(@TempDir Path dir) throws Exception {
        StorefrontSettings settings = new StorefrontSettings("order@shop.example", dir);
        MailOutbox outbox = new MailOutbox(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "", settings, Clock.systemUTC());

        outbox.send("taro@example.jp", "日本茶の店", "ご注文ありがとうございます", "山田 太郎 様");

        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).endsWith(".eml");
            String eml = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(eml).contains("To: taro@example.jp").contains("Subject: =?UTF-8?");
        });
    }
}
