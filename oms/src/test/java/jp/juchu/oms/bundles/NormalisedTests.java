package jp.juchu.oms.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalisedTests {

    @Test
    void fullAndHalfWidthAndSpacesCompareAlike() {
        assertThat(Normalised.text("大阪市北区梅田２－４－９　梅田ビル３Ｆ")).isEqualTo(Normalised.text("大阪市北区梅田2-4-9 梅田ビル3F"));
        assertThat(Normalised.text("ｻﾄｳ ﾊﾅｺ")).isEqualTo(Normalised.text("サトウハナコ"));
    }

    @Test
    void chomeBanchiAndHyphenVariantsCompareAlike() {
        String plain = Normalised.text("梅田2-4-9");
        assertThat(Normalised.text("梅田2丁目4番9号")).isEqualTo(plain);
        assertThat(Normalised.text("梅田二丁目4番地9")).isEqualTo(plain);
        assertThat(Normalised.text("梅田2‐4−9")).isEqualTo(plain);
        assertThat(Normalised.text("梅田2ー4ー9")).isEqualTo(plain);
        assertThat(Normalised.text("梅田2の4の9")).isEqualTo(plain);
        assertThat(Normalised.text("梅田2-4-8")).isNotEqualTo(plain);
    }

    @Test
    void variantKanjiCompareAsTheirUsualForm() {
        assertThat(Normalised.text("山﨑 花子")).isEqualTo(Normalised.text("山崎花子"));
        assertThat(Normalised.text("髙橋")).isEqualTo(Normalised.text("高橋"));
        assertThat(Normalised.text("渡邊")).isEqualTo(Normalised.text("渡辺"));
        assertThat(Normalised.text("霞ヶ関")).isEqualTo(Normalised.text("霞ケ関"));
        assertThat(Normalised.text("高橋")).isNotEqualTo(Normalised.text("高嶋"));
    }

    @Test
    void aLongVowelMarkInAWordIsKept() {
        assertThat(Normalised.text("メゾンハーモニー")).isEqualTo("メゾンハーモニー");
    }
}
