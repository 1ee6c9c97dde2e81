package jp.juchu.shop.apikeys;

import java.time.OffsetDateTime;

/** A shop that agreed to the API terms, and its two live keys. */
public record ApiKeyStatus(String shopId, OffsetDateTime agreedAt, KeyInfo openKey, KeyInfo managerKey) {

    public KeyInfo key(KeyKind kind) {
        return kind == KeyKind.OPEN ? openKey : managerKey;
    }
}
