package jp.juchu.shop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which URLs an endpoint may have, in production settings and in the demo's. */
class TargetPolicyTests {

    private static TargetPolicy policy(boolean allowLocal) {
        return new TargetPolicy(new NotificationSettings(
                null,
                Path.of("unused"),
                allowLocal,
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                3,
                Duration.ofSeconds(1),
                1));
    }

    private static void refused(TargetPolicy policy, String url, String code) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOf(EndpointRefused.class)
                .satisfies(
                        e -> assertThat(((EndpointRefused) e).messageKey()).isEqualTo("notifications.refused." + code));
    }

    @Test
    void productionSettingsAcceptOnlyHttpsToPublicAddresses() {
        TargetPolicy production = policy(false);
        assertThat(production.check(" https://93.184.215.14/hook ").toString()).isEqualTo("https://93.184.215.14/hook");
        refused(production, "http://93.184.215.14/hook", "urlHttpsRequired");
        refused(production, "http://localhost:8080/hook", "urlHttpsRequired");
        refused(production, "https://127.0.0.1/hook", "urlPrivateTarget");
        refused(production, "https://10.1.2.3/hook", "urlPrivateTarget");
        refused(production, "https://192.168.0.10/hook", "urlPrivateTarget");
        refused(production, "https://172.16.5.5/hook", "urlPrivateTarget");
        refused(production, "https://169.254.169.254/latest/meta-data", "urlPrivateTarget");
        refused(production, "https://100.64.0.1/hook", "urlPrivateTarget");
        refused(production, "https://[::1]/hook", "urlPrivateTarget");
        refused(production, "https://[fd00::1]/hook", "urlPrivateTarget");
        refused(production, "https://0.0.0.0/hook", "urlPrivateTarget");
    }

    @Test
    void demoSettingsAllowPlainHttpToThisMachineOnly() {
        TargetPolicy demo = policy(true);
        assertThat(demo.check("http://localhost:8080/api/notifications/1")).isNotNull();
        assertThat(demo.check("http://127.0.0.1:8080/hook")).isNotNull();
        assertThat(demo.check("https://10.0.0.5/hook")).isNotNull();
        refused(demo, "http://oms.example.jp/hook", "urlHttpsRequired");
    }

    @Test
    void malformedUrlsAreRefusedWithTheReason() {
        TargetPolicy demo = policy(true);
        refused(demo, null, "urlRequired");
        refused(demo, "  ", "urlRequired");
        refused(demo, "ftp://localhost/hook", "urlScheme");
        refused(demo, "javascript:alert(1)", "urlScheme");
        refused(demo, "https://user:pass@oms.example.jp/hook", "urlInvalid");
        refused(demo, "https://oms.example.jp/hook#part", "urlInvalid");
        refused(demo, "https://oms example.jp/hook", "urlInvalid");
        refused(demo, "https:///hook", "urlInvalid");
        refused(demo, "https://oms.example.jp/" + "a".repeat(500), "urlTooLong");
    }
}
