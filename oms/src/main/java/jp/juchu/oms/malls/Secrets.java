package jp.juchu.oms.malls;

import java.nio.charset.StandardCharsets;
import jp.juchu.oms.malls.internal.KeyVault;
import org.springframework.stereotype.Component;

/**
 * The OMS's other stored secrets (the SMTP password of メール設定), sealed with AES-GCM under the same master key as
 * the shops' API keys ({@code oms.malls.master-key}), each bound to its purpose so that one cannot be read as another.
 */
@Component
public class Secrets {

    private final KeyVault vault;

    Secrets(KeyVault vault) {
        this.vault = vault;
    }

    /** Seals a secret for storage; {@code purpose} names its use (e.g. {@code smtp-password}). */
    public String seal(String purpose, String plain) {
        return vault.encrypt(plain, context(purpose));
    }

    public String open(String purpose, String sealed) {
        return vault.decrypt(sealed, context(purpose));
    }

    private static byte[] context(String purpose) {
        return ("juchu-oms " + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
