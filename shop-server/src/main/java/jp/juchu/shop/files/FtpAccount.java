package jp.juchu.shop.files;

import java.time.Instant;
import java.time.OffsetDateTime;

/** An FTP account of a shop; its password is kept only as a hash. */
public record FtpAccount(
        long id,
        String shopId,
        String accountName,
        FtpAccess access,
        OffsetDateTime createdAt,
        OffsetDateTime usableFrom) {

    public boolean usableAt(Instant now) {
        return !usableFrom.toInstant().isAfter(now);
    }
}
