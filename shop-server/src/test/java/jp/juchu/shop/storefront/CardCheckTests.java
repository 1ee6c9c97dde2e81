package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardCheckTests {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void validCardKeepsOnlyBrandAndLastFour() {
        CardCheck.Result result = CardCheck.authorise("4111 1111 1111 1111", 12, 2028, NOW);
        assertThat(result.authorised()).isTrue();
        assertThat(result.brand()).isEqualTo("Visa");
        assertThat(result.last4()).isEqualTo("1111");
    }

    @Test
    void brandsAreRecognised() {
        assertThat(CardCheck.authorise("5555555555554444", 1, 2030, NOW).brand())
                .isEqualTo("Mastercard");
        assertThat(CardCheck.authorise("3530111333300000", 1, 2030, NOW).brand())
                .isEqualTo("JCB");
        assertThat(CardCheck.authorise("378282246310005", 1, 2030, NOW).brand()).isEqualTo("AmericanExpress");
    }

    @Test
    void numberFailingLuhnIsRefused() {
        CardCheck.Result result = CardCheck.authorise("4111111111111112", 12, 2028, NOW);
        assertThat(result.authorised()).isFalse();
        assertThat(result.errorField()).isEqualTo("cardNumber");
        assertThat(result.errorCode()).isEqualTo("storefront.card.number.luhn");
    }

    @Test
    void nonDigitsOrTooShortAreRefused() {
        assertThat(CardCheck.authorise("4111-abcd", 12, 2028, NOW).errorCode())
                .isEqualTo("storefront.card.number.format");
        assertThat(CardCheck.authorise("411111", 12, 2028, NOW).errorCode()).isEqualTo("storefront.card.number.format");
    }

    @Test
    void expiredCardIsRefusedButThisMonthStillWorks() {
        assertThat(CardCheck.authorise("4111111111111111", 10, 2026, NOW).errorCode())
                .isEqualTo("storefront.card.expiry.past");
        assertThat(CardCheck.authorise("4111111111111111", 11, 2026, NOW).authorised())
                .isTrue();
        assertThat(CardCheck.authorise("4111111111111111", 13, 2026, NOW).errorField())
                .isEqualTo("cardExpiry");
    }

    @Test
    void unknownBrandIsRefused() {
        // 9-prefixed numbers pass Luhn but belong to no card brand accepted here
        assertThat(CardCheck.authorise("9000000000000001", 1, 2030, NOW).errorCode())
                .isEqualTo("storefront.card.number.brand");
    }
}
