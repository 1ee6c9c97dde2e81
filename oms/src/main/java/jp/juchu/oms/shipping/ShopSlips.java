package jp.juchu.oms.shipping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.support.address.AddressFormats;
import jp.juchu.support.address.Prefectures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** モール配送伝票: each shop's carrier, sender and slip remark, checked on saving and read by the slip export. */
@Service
public class ShopSlips {

    static final int REMARK = 100;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ShopSlips(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static final String COLUMNS = "connection_id, carrier, sender_name, sender_phone, sender_postal_code,"
            + " sender_prefecture, sender_address, slip_remark";

    /** Every shop's settings, by connection id (a shop without any is left out). */
    public Map<Long, ShopSlip> all() {
        Map<Long, ShopSlip> all = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from shop_slip_setting")
                .query(ShopSlip.class)
                .list()
                .forEach(s -> all.put(s.connectionId(), s));
        return all;
    }

    public Optional<ShopSlip> of(long connectionId) {
        return jdbc.sql("select " + COLUMNS + " from shop_slip_setting where connection_id = ?")
                .param(connectionId)
                .query(ShopSlip.class)
                .optional();
    }

    /** Everything wrong with the settings, in Japanese, field by field; empty when they can be saved. */
    public static List<String> problems(ShopSlip s) {
        List<String> problems = new ArrayList<>();
        if (present(s.carrier())
                && Stream.of(Carrier.values()).noneMatch(c -> c.name().equals(s.carrier()))) {
            problems.add("配送業者: 一覧から選んでください");
        }
        boolean anySender = Stream.of(
                        s.senderName(), s.senderPhone(), s.senderPostalCode(), s.senderPrefecture(), s.senderAddress())
                .anyMatch(ShopSlips::present);
        if (anySender) {
            if (!present(s.senderName()) || s.senderName().length() > 100) {
                problems.add("ご依頼主名: 1〜100文字で入力してください");
            }
            if (!present(s.senderPhone()) || !s.senderPhone().strip().matches(AddressFormats.PHONE)) {
                problems.add("ご依頼主の電話番号: 数字とハイフンで入力してください (例: 054-000-1234)");
            }
            if (!present(s.senderPostalCode()) || !s.senderPostalCode().strip().matches(AddressFormats.POSTAL_CODE)) {
                problems.add("ご依頼主の郵便番号: 123-4567 の形で入力してください");
            }
            if (!present(s.senderPrefecture()) || !Prefectures.ALL.contains(s.senderPrefecture())) {
                problems.add("ご依頼主の都道府県: 一覧から選んでください");
            }
            if (!present(s.senderAddress()) || s.senderAddress().length() > 200) {
                problems.add("ご依頼主の住所: 1〜200文字で入力してください");
            }
        }
        if (present(s.slipRemark()) && s.slipRemark().length() > REMARK) {
            problems.add("送り状の記事: " + REMARK + "文字までで入力してください");
        }
        String all = String.join(
                "",
                Stream.of(s.senderName(), s.senderPhone(), s.senderPostalCode(), s.senderAddress(), s.slipRemark())
                        .map(v -> v == null ? "" : v)
                        .toList());
        if (all.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
            problems.add("改行や制御文字は使えません");
        }
        String unmappable = SlipText.unmappable(all);
        if (!unmappable.isEmpty()) {
            problems.add("送り状に印字できない文字があります: " + unmappable);
        }
        return problems;
    }

    /**
     * Saves a shop's settings (all blank: the shop follows the merchant's).
     *
     * @throws IllegalArgumentException with every problem, one a line; nothing is saved
     */
    @Transactional
    public void save(ShopSlip s, String actor) {
        List<String> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        jdbc.sql("""
                        insert into shop_slip_setting (connection_id, carrier, sender_name, sender_phone,
                            sender_postal_code, sender_prefecture, sender_address, slip_remark, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (connection_id) do update set carrier = excluded.carrier,
                            sender_name = excluded.sender_name, sender_phone = excluded.sender_phone,
                            sender_postal_code = excluded.sender_postal_code,
                            sender_prefecture = excluded.sender_prefecture, sender_address = excluded.sender_address,
                            slip_remark = excluded.slip_remark, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .params(
                        s.connectionId(),
                        blankToNull(s.carrier()),
                        blankToNull(s.senderName()),
                        blankToNull(s.senderPhone()),
                        blankToNull(s.senderPostalCode()),
                        blankToNull(s.senderPrefecture()),
                        blankToNull(s.senderAddress()),
                        blankToNull(s.slipRemark()),
                        actor)
                .update();
        audit.record(
                actor,
                "SHOP_SLIP_SAVED",
                "connection:" + s.connectionId(),
                "配送業者: " + (present(s.carrier()) ? Carrier.labelOf(s.carrier()) : "指定なし") + " / ご依頼主: "
                        + (present(s.senderName()) ? s.senderName().strip() : "契約者情報") + " / 記事: "
                        + (present(s.slipRemark()) ? s.slipRemark().strip() : "なし"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return present(s) ? s.strip() : null;
    }
}
