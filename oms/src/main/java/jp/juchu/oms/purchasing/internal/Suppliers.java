package jp.juchu.oms.purchasing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.orders.OrderLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 仕入先マスタ: reading, and saving a supplier from what a person typed (every field checked, all or nothing). */
@Service
public class Suppliers {

    public static final int MAX_SUPPLIERS = 10_000;
    static final String SELECT = "select id, code, name, short_name, postal_code, address, phone, fax, email,"
            + " contact_person, lead_time_days, minimum_amount, rate_percent, payment_terms, send_method, order_note,"
            + " active from supplier";

    private final JdbcClient jdbc;

    Suppliers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Supplier> all() {
        return jdbc.sql(SELECT + " order by code limit " + MAX_SUPPLIERS)
                .query(Supplier.class)
                .list();
    }

    public List<Supplier> active() {
        return jdbc.sql(SELECT + " where active order by code limit " + MAX_SUPPLIERS)
                .query(Supplier.class)
                .list();
    }

    public Optional<Supplier> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(Supplier.class)
                .optional();
    }

    public Optional<Supplier> byCode(String code) {
        return jdbc.sql(SELECT + " where code = ?")
                .param(code)
                .query(Supplier.class)
                .optional();
    }

    /**
     * Creates ({@code id} null) or updates a supplier from the form's fields.
     *
     * @return the supplier's id
     * @throws PurchasingRefused naming each wrong field
     */
    @Transactional
    public long save(Long id, Map<String, String> form) {
        List<String> p = new ArrayList<>();
        String code = Inputs.text(form.get("code"), "仕入先コード", 10, true, p);
        if (code != null && !code.matches("[A-Za-z0-9-]{1,10}")) {
            p.add("仕入先コード: 半角英数字とハイフン (-) の10文字以内で入力してください");
        }
        String name = Inputs.text(form.get("name"), "仕入先名", 100, true, p);
        String shortName = Inputs.text(form.get("shortName"), "略称", 30, false, p);
        String postalCode = Inputs.text(form.get("postalCode"), "郵便番号", 8, false, p);
        if (postalCode != null && !postalCode.matches("[0-9]{3}-?[0-9]{4}")) {
            p.add("郵便番号: 123-4567 の形で入力してください");
        }
        String address = Inputs.text(form.get("address"), "住所", 200, false, p);
        String phone = phone(form.get("phone"), "電話番号", p);
        String fax = phone(form.get("fax"), "FAX番号", p);
        String email = Inputs.text(form.get("email"), "メールアドレス", 254, false, p);
        if (email != null && !OrderLimits.isEmail(email)) {
            p.add("メールアドレス: メールアドレスの形で入力してください");
        }
        String contact = Inputs.text(form.get("contactPerson"), "担当者", 50, false, p);
        Long lead = Inputs.number(form.get("leadTimeDays"), "リードタイム (日)", 0, 365, true, p);
        Long minimum = Inputs.number(form.get("minimumAmount"), "最低発注金額 (円)", 0, 99_999_999, false, p);
        Long rate = Inputs.number(form.get("ratePercent"), "掛け率 (%)", 1, 100, false, p);
        String terms = Inputs.text(form.get("paymentTerms"), "支払条件", 100, false, p);
        String method = form.get("sendMethod") == null ? "" : form.get("sendMethod");
        if (!Supplier.SEND_METHODS.containsKey(method)) {
            p.add("発注書の送り方: 一覧から選んでください");
        }
        if ("EMAIL".equals(method) && email == null && !p.contains("メールアドレス: メールアドレスの形で入力してください")) {
            p.add("メールアドレス: 発注書をメールで送る仕入先には入力してください");
        }
        String note = Inputs.multiline(form.get("orderNote"), "発注書の備考", 500, p);
        boolean active = id == null || "true".equals(form.get("active")) || "on".equals(form.get("active"));
        if (id != null && find(id).isEmpty()) {
            p.add("仕入先が見つかりません");
        }
        if (p.isEmpty()
                && id == null
                && jdbc.sql("select count(*) from supplier").query(Long.class).single() >= MAX_SUPPLIERS) {
            p.add("仕入先は " + MAX_SUPPLIERS + " 件までです");
        }
        Inputs.refuseIfAny(p);
        try {
            if (id == null) {
                return jdbc.sql("""
                                insert into supplier (code, name, short_name, postal_code, address, phone, fax, email,
                                    contact_person, lead_time_days, minimum_amount, rate_percent, payment_terms,
                                    send_method, order_note)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                                """)
                        .params(
                                code,
                                name,
                                shortName,
                                postalCode,
                                address,
                                phone,
                                fax,
                                email,
                                contact,
                                lead,
                                minimum == null ? 0 : minimum,
                                rate == null ? 100 : rate,
                                terms,
                                method,
                                note)
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("""
                            update supplier set code = ?, name = ?, short_name = ?, postal_code = ?, address = ?,
                                phone = ?, fax = ?, email = ?, contact_person = ?, lead_time_days = ?, minimum_amount = ?,
                                rate_percent = ?, payment_terms = ?, send_method = ?, order_note = ?, active = ?,
                                updated_at = now()
                            where id = ?
                            """)
                    .params(
                            code,
                            name,
                            shortName,
                            postalCode,
                            address,
                            phone,
                            fax,
                            email,
                            contact,
                            lead,
                            minimum == null ? 0 : minimum,
                            rate == null ? 100 : rate,
                            terms,
                            method,
                            note,
                            active,
                            id)
                    .update();
            return id;
        } catch (DuplicateKeyException e) {
            throw new PurchasingRefused("仕入先コード: " + code + " はほかの仕入先が使っています");
        }
    }

    private static String phone(String value, String label, List<String> p) {
        String v = Inputs.text(value, label, 20, false, p);
        if (v != null && !v.matches("[0-9+()\\- ]{6,20}")) {
            p.add(label + ": 数字とハイフンで入力してください");
            return null;
        }
        return v;
    }
}
