package jp.juchu.oms.mails.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import jp.juchu.oms.shipping.Carrier;

/**
 * The carriers' public tracking pages (お問い合わせ), one URL per tracking number: Yamato's, Sagawa's and Japan Post's
 * search takes the number (without hyphens) in the query.
 */
final class TrackingLinks {

    private TrackingLinks() {}

    /** The carrier of a stored shipment carrier code: the OMS's own ({@code YAMATO}) or the shop's ({@code Yamato}). */
    static Optional<Carrier> carrierOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(Carrier.values())
                .filter(c -> c.name().equalsIgnoreCase(code) || c.apiName().equalsIgnoreCase(code))
                .findFirst();
    }

    /** The page that shows where the parcel is; empty for a carrier the OMS does not know. */
    static Optional<String> url(String carrierCode, String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Optional.empty();
        }
        String number = URLEncoder.encode(trackingNumber.replaceAll("[-\\s]", ""), StandardCharsets.UTF_8);
        return carrierOf(carrierCode).map(carrier -> switch (carrier) {
            case YAMATO -> "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=" + number;
            case SAGAWA -> "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=" + number;
            case JAPAN_POST ->
                "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=" + number
                        + "&searchKind=S002&locale=ja";
        });
    }
}
