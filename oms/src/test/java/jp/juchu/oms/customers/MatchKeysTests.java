package jp.juchu.oms.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchKeysTests {

    @Test
    void aPhoneIsKeyedByItsDigitsWhateverTheirWidthAndWhatSurroundsThem() {
        assertThat(MatchKeys.phoneKey("０３－１２３４－５６７８")).isEqualTo("0312345678");
        assertThat(MatchKeys.phoneKey(" 03 (1234) 5678 内線１２")).isEqualTo("031234567812");
        assertThat(MatchKeys.phoneKey("なし")).isNull();
        assertThat(MatchKeys.phoneKey("")).isNull();
        assertThat(MatchKeys.phoneKey(null)).isNull();
    }

    @Test
    void aNameIsKeyedWithoutItsSpacesNarrowWideOrControl() {
        assertThat(MatchKeys.nameKey("山田　太郎")).isEqualTo("山田太郎");
        assertThat(MatchKeys.nameKey(" 山田\t太郎\r\n")).isEqualTo("山田太郎");
        assertThat(MatchKeys.nameKey("ＴＡＲＯ Ｙａｍａｄａ")).isEqualTo("TAROYamada");
        assertThat(MatchKeys.nameKey("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダタロウ");
        assertThat(MatchKeys.nameKey(null)).isEmpty();
    }
}
