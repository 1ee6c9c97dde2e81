package jp.juchu.shop.apikeys;

import java.time.OffsetDateTime;

/** Both keys of a shop in plain text: only the caller that issued them ever sees these values. */
public record IssuedKeys(String openKey, String managerKey, OffsetDateTime issuedAt) {

    @Override
    public String toString() {
        return "IssuedKeys[issuedAt=" + issuedAt + "]";
    }
}
