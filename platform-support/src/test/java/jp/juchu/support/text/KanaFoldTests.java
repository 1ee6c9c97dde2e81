package jp.juchu.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaFoldTests {

    @Test
    void halfWidthKatakanaAndHiraganaFoldToOneForm() {
        assertThat(KanaFold.fold("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("やまだたろう");
        assertThat(KanaFold.fold("ヤマダ　タロウ")).isEqualTo("やまだたろう");
        assertThat(KanaFold.fold("やまだ たろう")).isEqualTo("やまだたろう");
    }

    @Test
    void fullWidthDigitsAndLettersFoldToAscii() {
        assertThat(KanaFold.fold("０９０－１２３４")).isEqualTo("090-1234");
        assertThat(KanaFold.fold("ＴＡＮＡＫＡ")).isEqualTo("tanaka");
    }

    @Test
    void kanjiStayAsTheyAre() {
        assertThat(KanaFold.fold("山田 花子")).isEqualTo("山田花子");
    }
}
