package jp.juchu.oms.imports;

import java.time.OffsetDateTime;

/** An order the OMS could not read, kept with its payload and the reason until a later run imports it. */
public record QuarantinedOrder(
        long id,
        long connectionId,
        String orderKey,
        String reason,
        String payload,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        int attempts) {}
