package jp.juchu.shop.apikeys;

import java.time.OffsetDateTime;

/** A freshly (re)issued key in plain text: only the caller that issued it ever sees this value. */
public record IssuedKey(KeyKind kind, String key, OffsetDateTime issuedAt) {

    @Override
    public String toString() {
        return "IssuedKey[kind=" + kind + ", issuedAt=" + issuedAt + "]";
    }
}
