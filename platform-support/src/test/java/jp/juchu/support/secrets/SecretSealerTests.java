package jp.juchu.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTests {

    private static final byte[] API_KEY = "api key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PASSWORD = "password".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndContext() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretSealer sealer = SecretSealer.withKey(key, "test.key", dir.resolve("unused.key"));

        String sealed = sealer.seal("秘密-1", API_KEY);

        assertThat(sealed).doesNotContain("秘密");
        assertThat(sealer.seal("秘密-1", API_KEY)).isNotEqualTo(sealed); // a fresh IV each time
        assertThat(sealer.open(sealed, API_KEY)).isEqualTo("秘密-1");
        assertThatThrownBy(() -> sealer.open(sealed, PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.key");
        assertThat(SecretSealer.withKey(key, "test.key", dir.resolve("x")).open(sealed, API_KEY))
                .isEqualTo("秘密-1");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> SecretSealer.withKey(
                                Base64.getEncoder().encodeToString(otherKey), "test.key", dir.resolve("y"))
                        .open(sealed, API_KEY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheFile() throws Exception {
        Path file = dir.resolve("keys/secret.key");
        String sealed = SecretSealer.withKey(" ", "test.key", file).seal("abc", API_KEY);

        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(SecretSealer.withKey(null, "test.key", file).open(sealed, API_KEY))
                .isEqualTo("abc");
        assertThatThrownBy(() -> SecretSealer.withKey(null, "test.key", dir.resolve("other.key"))
                        .open(sealed, API_KEY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthOrAnUnreadableValueIsRefused() {
        assertThatThrownBy(() -> SecretSealer.withKey(
                        Base64.getEncoder().encodeToString(new byte[16]), "test.key", dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        SecretSealer sealer =
                SecretSealer.withKey(Base64.getEncoder().encodeToString(new byte[32]), "test.key", dir.resolve("k"));
        assertThatThrownBy(() -> sealer.open("not base64!", API_KEY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open("AAAA", API_KEY)).isInstanceOf(IllegalStateException.class);
    }
}
