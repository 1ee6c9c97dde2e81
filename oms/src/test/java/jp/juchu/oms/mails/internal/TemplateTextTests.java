package jp.juchu.oms.mails.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTests {

    @Test
    void aValueIsInsertedAsTextAndNeverReadAsAVariable() {
        String out = TemplateText.render(
                "{{buyer.name}} 様 ({{ order.number }})",
                Map.of("buyer.name", "{{order.number}} $1 \\", "order.number", "A-1"));
        assertThat(out).isEqualTo("{{order.number}} $1 \\ 様 (A-1)");
    }

    @Test
    void eachUnknownVariableIsNamedOnce() {
        assertThat(TemplateText.problems("本文", "{{x.y}} {{x.y}} {{order.number}} {{受注番号}}"))
                .containsExactly(
                        "本文: 使えない変数 {{x.y}} があります。変数一覧にある名前を使ってください", "本文: 使えない変数 {{受注番号}} があります。変数一覧にある名前を使ってください");
    }

    @Test
    void anOpenOrStrayBraceIsRefused() {
        assertThat(TemplateText.problems("件名", "ご注文 {{order.number"))
                .singleElement()
                .asString()
                .contains("対応が取れていない");
        assertThat(TemplateText.problems("件名", "ご注文 order.number}}")).hasSize(1);
        assertThat(TemplateText.problems("件名", "ご注文 {{order.number}} {単独} の括弧")).isEmpty();
    }

    @Test
    void aBraceFollowedByAFullBodyOfSpacesIsCheckedAtOnce() {
        String pasted = "{{" + " ".repeat(20_000) + "order.number";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(TemplateText.problems("本文", pasted))
                    .singleElement()
                    .asString()
                    .contains("対応が取れていない");
            assertThat(TemplateText.render(pasted, Map.of())).isEqualTo(pasted);
        });
        assertThat(TemplateText.render("{{\t order.number \n}}", Map.of("order.number", "A-1")))
                .isEqualTo("A-1");
    }

    @Test
    void trackingLinksTakeTheNumberWithoutHyphensAndOnlyForKnownCarriers() {
        assertThat(TrackingLinks.url("YAMATO", "1234-5678-9012"))
                .hasValue("https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012");
        assertThat(TrackingLinks.url("JapanPost", "1234-5678-9012"))
                .hasValue("https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=123456789012"
                        + "&searchKind=S002&locale=ja");
        assertThat(TrackingLinks.url("Sagawa", "4000 1234 5678"))
                .hasValue("https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=400012345678");
        assertThat(TrackingLinks.url("Seino", "123")).isEmpty();
        assertThat(TrackingLinks.url("YAMATO", " ")).isEmpty();
    }
}
