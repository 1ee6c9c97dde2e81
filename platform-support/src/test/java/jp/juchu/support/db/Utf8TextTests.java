package jp.juchu.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTests {

    private static Utf8Text text(String s) {
        return new Utf8Text(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsAnAsciiTextAnywhereAndOnlyWhereItIsWhole() {
        assertThat(text("\\u0000 寿司").containsAscii("\\u0000")).isTrue();
        assertThat(text("{\"名前\": \"a\\u0000\"}").containsAscii("\\u0000")).isTrue();
        assertThat(text("寿司 \\u000").containsAscii("\\u0000")).isFalse();
        assertThat(text("\\\\u0001 \\n \\u00 0").containsAscii("\\u0000")).isFalse();
        assertThat(text("").containsAscii("\\u0000")).isFalse();
        assertThat(text("").containsAscii("")).isTrue();
    }

    @Test
    void readsAsTheTextItsBytesSpell() {
        Utf8Text sushi = text("寿司 🍣 \"特上\"");

        assertThat(sushi.toString()).isEqualTo("寿司 🍣 \"特上\"");
        assertThat(sushi.length()).isEqualTo("寿司 🍣 \"特上\"".length());
        assertThat(sushi.charAt(1)).isEqualTo('司');
        assertThat(sushi).isEqualTo(text("寿司 🍣 \"特上\"")).isNotEqualTo(text("寿司"));
    }
}
