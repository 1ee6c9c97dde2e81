package jp.juchu.shop.apikeys;

import java.time.OffsetDateTime;

/**
 * What the platform still knows about a live key: never the key itself, only its first characters.
 *
 * @param lastUsedAt when the key last opened the API (to the minute), or {@code null} if never
 */
public record KeyInfo(KeyKind kind, String prefix, OffsetDateTime issuedAt, OffsetDateTime lastUsedAt) {

    /** The key as the admin shows it after issuance: its first characters, the rest hidden. */
    public String masked() {
        return prefix + "••••••••••••";
    }
}
