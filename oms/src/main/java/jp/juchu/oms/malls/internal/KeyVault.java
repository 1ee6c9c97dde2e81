package jp.juchu.oms.malls.internal;

import java.nio.charset.StandardCharsets;
import jp.juchu.oms.malls.MallSettings;
import jp.juchu.support.secrets.SecretSealer;
import org.springframework.stereotype.Component;

/**
 * Encrypts the shops' API keys and the OMS's other stored secrets at rest ({@link SecretSealer}: AES-256-GCM). The
 * master key comes from {@code oms.malls.master-key}, or is generated once into {@code oms.malls.master-key-file}.
 */
@Component
public class KeyVault {

    private static final byte[] CONTEXT = "juchu-oms mall api key".getBytes(StandardCharsets.UTF_8);

    private final SecretSealer sealer;

    KeyVault(MallSettings settings) {
        this.sealer = SecretSealer.withKey(settings.masterKey(), "oms.malls.master-key", settings.masterKeyFile());
    }

    public String encrypt(String plain) {
        return encrypt(plain, CONTEXT);
    }

    public String decrypt(String stored) {
        return decrypt(stored, CONTEXT);
    }

    /** Encrypts another secret of the OMS's (e.g. the SMTP password); {@code context} binds it to its use. */
    public String encrypt(String plain, byte[] context) {
        return sealer.seal(plain, context);
    }

    public String decrypt(String stored, byte[] context) {
        return sealer.open(stored, context);
    }
}
