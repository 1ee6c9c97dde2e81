package jp.juchu.oms.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A shop order as the importer read it: the checked order, its payload (the JSON the OMS keeps, as a string or as its
 * UTF-8 bytes, a {@link jp.juchu.support.db.Utf8Text}) and the payload's content hash.
 *
 * @param contentHash the payload's SHA-256, or null when the importer had no stored hash to compare it with (a new
 *     order): the database writes it as it inserts the row (V350), where SHA-256 costs a tenth of what it costs here
 */
public record IncomingOrder(ShopOrder order, CharSequence payloadJson, String contentHash) {

    /** An order whose payload the OMS wrote itself (CSV import, 受注登録): the hash is the payload's SHA-256. */
    public static IncomingOrder of(ShopOrder order, String payloadJson) {
        return new IncomingOrder(order, payloadJson, contentHash(payloadJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** This order with its content hash, computed now if the importer left it to the database. */
    IncomingOrder hashed() {
        return contentHash != null
                ? this
                : new IncomingOrder(
                        order, payloadJson, contentHash(payloadJson.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The content hash of a payload, whichever path wrote it: the SHA-256 of its UTF-8 bytes, in hex. An import
     * compares it with the stored one to tell a changed order from an unchanged one.
     */
    public static String contentHash(byte[] payloadUtf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payloadUtf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
