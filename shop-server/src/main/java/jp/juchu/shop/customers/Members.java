package jp.juchu.shop.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.juchu.shop.system.InputRules;
import jp.juchu.shop.system.Like;
import jp.juchu.support.address.AddressFormats;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shop's members (会員): registration, sign-in check, details, and points that never go below zero. */
@Service
public class Members {

    static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,39}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Members(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Registers a member with no points.
     *
     * @throws InvalidCustomer naming the field that is missing, malformed or (the account) taken
     */
    @Transactional
    public Member register(String shopId, Registration r) {
        check(r);
        try {
            jdbc.sql("""
                            insert into member (shop_id, account, password_hash, name, kana, email, phone, postal_code,
                                prefecture, address1, address2)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            shopId,
                            r.account(),
                            passwords.encode(r.password()),
                            r.name().strip(),
                            r.kana().strip(),
                            r.email().strip(),
                            r.phone().strip(),
                            r.postalCode().strip(),
                            r.prefecture(),
                            r.address1().strip(),
                            r.address2() == null || r.address2().isBlank()
                                    ? null
                                    : r.address2().strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidCustomer("account", "会員ID " + r.account() + " はすでに使われています");
        }
        return find(shopId, r.account()).orElseThrow();
    }

    public Optional<Member> find(String shopId, String account) {
        return jdbc.sql("select * from member where shop_id = ? and account = ?")
                .params(shopId, account)
                .query(Members::member)
                .optional();
    }

    public boolean passwordMatches(String shopId, String account, String password) {
        return jdbc.sql("select password_hash from member where shop_id = ? and account = ?")
                .params(shopId, account)
                .query(String.class)
                .optional()
                .map(hash -> passwords.matches(password, hash))
                .orElse(false);
    }

    /**
     * Spends points for an order in the caller's transaction, with one conditional update so that two
     * orders at once can never spend the same points.
     *
     * @throws NotEnoughPoints when the balance is short; nothing is taken
     */
    @Transactional
    public long usePoints(String shopId, String account, long points, String orderSerial) {
        if (points <= 0) {
            throw new InvalidCustomer("points", "利用ポイントは1以上で指定してください");
        }
        Optional<Long> balance = jdbc.sql("update member set points = points - ? where shop_id = ? and account = ?"
                        + " and points >= ? returning points")
                .params(points, shopId, account, points)
                .query(Long.class)
                .optional();
        if (balance.isEmpty()) {
            Member member = find(shopId, account).orElseThrow(() -> new MemberNotFound(account));
            throw new NotEnoughPoints(points, member.points());
        }
        record(shopId, account, -points, balance.get(), "ご注文で利用", orderSerial);
        return balance.get();
    }

    /**
     * Adds (or, with a negative change, removes) points, e.g. granted for a purchase or adjusted by the
     * merchant. The balance never goes below zero.
     */
    @Transactional
    public long changePoints(String shopId, String account, long change, String reason, String orderSerial) {
        if (change == 0 || Math.abs(change) > InputRules.MAX_POINTS) {
            throw new InvalidCustomer("change", "ポイント数は0以外の±9,999,999までで入力してください");
        }
        if (reason == null || reason.isBlank() || reason.length() > 100) {
            throw new InvalidCustomer("reason", "理由を100文字以内で入力してください");
        }
        Optional<Long> balance = jdbc.sql("update member set points = points + ? where shop_id = ? and account = ?"
                        + " and points + ? between 0 and ? returning points")
                .params(change, shopId, account, change, InputRules.MAX_POINTS)
                .query(Long.class)
                .optional();
        if (balance.isEmpty()) {
            Member member = find(shopId, account).orElseThrow(() -> new MemberNotFound(account));
            if (change > 0) {
                throw new InvalidCustomer("change", "ポイント残高は9,999,999ポイントまでです（現在 " + member.points() + "）");
            }
            throw new NotEnoughPoints(-change, member.points());
        }
        record(shopId, account, change, balance.get(), reason.strip(), orderSerial);
        return balance.get();
    }

    public List<PointEntry> ledger(String shopId, String account, int limit) {
        return jdbc.sql("select change, balance_after, reason, order_serial, acted_at from point_entry"
                        + " where shop_id = ? and account = ? order by id desc limit ?")
                .params(shopId, account, limit)
                .query((rs, n) -> new PointEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Members whose e-mail, account, name or kana match (each part optional; text parts match partly). */
    public List<Member> search(String shopId, ClientQuery q, int limit) {
        StringBuilder where = new StringBuilder("shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (q.email() != null && !q.email().isBlank()) {
            where.append(" and lower(email) = lower(?)");
            params.add(q.email().strip());
        }
        if (q.account() != null && !q.account().isBlank()) {
            where.append(" and account = ?");
            params.add(q.account().strip());
        }
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" and replace(name, ' ', '') like ?");
            params.add(Like.containingWithoutSpaces(q.name()));
        }
        if (q.kana() != null && !q.kana().isBlank()) {
            where.append(" and replace(kana, ' ', '') like ?");
            params.add(Like.containingWithoutSpaces(q.kana()));
        }
        if (q.phone() != null && !q.phone().isBlank()) {
            where.append(" and replace(phone, '-', '') = ?");
            params.add(q.phone().replace("-", "").strip());
        }
        params.add(limit);
        return jdbc.sql("select * from member where " + where + " order by kana, account limit ?")
                .params(params)
                .query(Members::member)
                .list();
    }

    public long count(String shopId) {
        return jdbc.sql("select count(*) from member where shop_id = ?")
                .param(shopId)
                .query(Long.class)
                .single();
    }

    private void record(String shopId, String account, long change, long balance, String reason, String serial) {
        jdbc.sql("insert into point_entry (shop_id, account, change, balance_after, reason, order_serial)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(shopId, account, change, balance, reason, serial)
                .update();
    }

    private static void check(Registration r) {
        if (r.account() == null || !ACCOUNT.matcher(r.account()).matches()) {
            throw new InvalidCustomer("account", "会員IDは半角英数字と - _ . で3〜40文字で入力してください");
        }
        if (r.password() == null || r.password().length() < 8 || r.password().length() > 100) {
            throw new InvalidCustomer("password", "パスワードは8文字以上で入力してください");
        }
        required(r.name(), "name", "お名前", 100);
        required(r.kana(), "kana", "フリガナ", 100);
        required(r.email(), "email", "メールアドレス", 200);
        if (!EMAIL.matcher(r.email().strip()).matches()) {
            throw new InvalidCustomer("email", "メールアドレスの形式が正しくありません");
        }
        required(r.phone(), "phone", "電話番号", 20);
        if (!AddressFormats.isPhone(r.phone())) {
            throw new InvalidCustomer("phone", "電話番号は 03-1234-5678 のように入力してください");
        }
        required(r.postalCode(), "postalCode", "郵便番号", 8);
        if (!AddressFormats.isPostalCode(r.postalCode())) {
            throw new InvalidCustomer("postalCode", "郵便番号は 123-4567 のように入力してください");
        }
        required(r.prefecture(), "prefecture", "都道府県", 10);
        required(r.address1(), "address1", "住所", 200);
    }

    private static void required(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCustomer(field, label + "を入力してください");
        }
        if (value.strip().length() > max) {
            throw new InvalidCustomer(field, label + "は" + max + "文字以内で入力してください");
        }
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getString("shop_id"),
                rs.getString("account"),
                rs.getString("name"),
                rs.getString("kana"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("postal_code"),
                rs.getString("prefecture"),
                rs.getString("address1"),
                rs.getString("address2"),
                rs.getLong("points"),
                rs.getObject("registered_at", OffsetDateTime.class));
    }
}
