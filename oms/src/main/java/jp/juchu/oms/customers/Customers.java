package jp.juchu.oms.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OMS's customers (顧客). Orders are linked to customers as they arrive (see {@code CustomerLinking});
 * here a person finds, edits, blacklists (ブラックリスト) and merges (名寄せ) them. Every change a person makes
 * is written to the audit log in the same transaction.
 */
@Service
public class Customers {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CustomerStandings standings;
    private final CustomerMerging merging;

    Customers(JdbcClient jdbc, AuditLog audit, CustomerStandings standings, CustomerMerging merging) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.standings = standings;
        this.merging = merging;
    }

    /** New and repeat buyers among the customers who ordered from {@code from} (inclusive) to {@code to} (exclusive). */
    public Buyers buyers(java.time.Instant from, java.time.Instant to) {
        java.sql.Timestamp start = java.sql.Timestamp.from(from);
        return jdbc.sql("""
                        select count(*) filter (where not earlier), count(*) filter (where earlier)
                        from (select c.customer_id,
                                     exists (select 1 from customer_order p where p.customer_id = c.customer_id
                                             and p.ordered_at < ? and not p.cancelled) as earlier
                              from (select distinct customer_id from customer_order
                                    where ordered_at >= ? and ordered_at < ? and not cancelled) c) b
                        """)
                .params(start, start, java.sql.Timestamp.from(to))
                .query((rs, n) -> new Buyers(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /**
     * Customers whose name, kana, e-mail or phone contains the keyword (phone by its digits, name with or
     * without spaces), those who ordered last first. A blank keyword gives the customers who ordered last.
     * Merged-away customers are never returned. For picking a customer, e.g. when registering an order by hand.
     */
    public List<Customer> search(String keyword, int limit) {
        Filter filter = Filter.of(keyword);
        return jdbc.sql(SELECT + filter.where() + ORDER + " limit :limit")
                .params(filter.params())
                .param("limit", Math.max(0, limit))
                .query(Customer.class)
                .list();
    }

    /**
     * The customer with this id; a merged-away id gives the customer it was merged into (the survivor), so
     * callers holding an old id still reach the right record.
     */
    public Optional<Customer> find(long id) {
        Optional<Customer> customer = stored(jdbc, id);
        // a survivor may itself have been merged later; the hop limit only guards against a cycle
        for (int hops = 0; hops < 10 && customer.isPresent() && customer.get().mergedAway(); hops++) {
            customer = stored(jdbc, customer.get().mergedInto());
        }
        return customer;
    }

    /**
     * What the OMS knows of an order's buyer before or after the order is linked (for the rules):
     *
     * @param blacklisted the buyer's customer, a customer with the buyer's e-mail, or one with a recipient's name is
     *     blacklisted (as Shop Serve's own blacklist matches name, e-mail and destination)
     * @param previousOrders the buyer's customer's other orders
     */
    public record Standing(boolean blacklisted, long previousOrders, List<String> tags) {

        public Standing {
            tags = List.copyOf(tags);
        }
    }

    /** An order's buyer and recipients, as {@link #standings} looks them up. */
    public record Buyer(long orderId, String name, String email, String phone, List<String> recipientNames) {}

    /** The standing of each order's buyer, by order id, read for the whole batch at once. */
    public Map<Long, Standing> standings(Collection<Buyer> buyers) {
        return standings.of(buyers);
    }

    /** One page of the customer list, filtered like {@link #search}. */
    public CustomerPage list(String keyword, int page, int size) {
        Filter filter = Filter.of(keyword);
        long total = jdbc.sql("select count(*) from customer c" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<Customer> rows = jdbc.sql(SELECT + filter.where() + ORDER + " offset :offset limit :limit")
                .params(filter.params())
                .param("offset", (long) page * size)
                .param("limit", size)
                .query(Customer.class)
                .list();
        return new CustomerPage(rows, total, page, size);
    }

    /** A customer's orders (購入履歴), newest first. */
    public List<CustomerOrder> orders(long customerId, int limit) {
        return jdbc.sql("select order_id, connection_id, order_number, ordered_at, total, cancelled"
                        + " from customer_order where customer_id = ? order by ordered_at desc, order_id desc limit ?")
                .params(customerId, limit)
                .query(CustomerOrder.class)
                .list();
    }

    /** The customer an order is linked to; empty until the order has been linked (shortly after import). */
    public Optional<Customer> ofOrder(long orderId) {
        return jdbc.sql("select customer_id from customer_order where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /**
     * Changes a customer's fields; their match keys follow.
     *
     * @throws IllegalArgumentException when there is no such customer or the name is blank
     * @throws IllegalStateException when the customer was merged away
     */
    @Transactional
    public void update(long id, CustomerChange change, String actor) {
        if (change.name() == null || change.name().isBlank()) {
            throw new IllegalArgumentException("氏名を入力してください");
        }
        lock(jdbc);
        Customer before = standing(id);
        String email = blankToNull(change.email());
        String phone = blankToNull(change.phone());
        MatchKeys keys = MatchKeys.of(change.name(), email, phone);
        jdbc.sql("""
                        update customer set name = ?, kana = ?, email = ?, phone = ?, postal_code = ?, prefecture = ?,
                            address = ?, note = ?, email_key = ?, phone_key = ?, name_key = ?, updated_at = now()
                        where id = ?
                        """)
                .params(
                        change.name().strip(),
                        blankToNull(change.kana()),
                        email,
                        phone,
                        blankToNull(change.postalCode()),
                        blankToNull(change.prefecture()),
                        blankToNull(change.address()),
                        blankToNull(change.note()),
                        keys.email(),
                        keys.phone(),
                        keys.name(),
                        id)
                .update();
        List<String> changed = new ArrayList<>();
        changed(changed, "氏名", before.name(), change.name().strip());
        changed(changed, "フリガナ", before.kana(), blankToNull(change.kana()));
        changed(changed, "メール", before.email(), email);
        changed(changed, "電話", before.phone(), phone);
        changed(changed, "郵便番号", before.postalCode(), blankToNull(change.postalCode()));
        changed(changed, "都道府県", before.prefecture(), blankToNull(change.prefecture()));
        changed(changed, "住所", before.address(), blankToNull(change.address()));
        changed(changed, "メモ", before.note(), blankToNull(change.note()));
        audit.record(
                actor,
                "CUSTOMER_EDITED",
                "customer:" + id,
                changed.isEmpty() ? "変更なし" : "変更: " + String.join(", ", changed));
    }

    /** At most this many tags on a customer, each at most {@link #TAG_LENGTH} characters. */
    public static final int MAX_TAGS = 10;

    public static final int TAG_LENGTH = 30;

    /** A customer's tags (顧客タグ), in the order they were set. */
    public List<String> tags(long id) {
        return jdbc.sql("select tags from customer where id = ?").param(id).query(rs -> {
            List<String> found = new ArrayList<>();
            if (rs.next()) {
                found.addAll(List.of((String[]) rs.getArray(1).getArray()));
            }
            return found;
        });
    }

    /**
     * Sets a customer's tags (顧客タグ), written separated by commas or spaces; duplicates are dropped.
     *
     * @throws IllegalArgumentException when there is no such customer, a tag is too long or has control characters,
     *     or there are too many
     * @throws IllegalStateException when the customer was merged away
     */
    @Transactional
    public List<String> setTags(long id, String written, String actor) {
        List<String> tags = new ArrayList<>();
        for (String part : (written == null ? "" : written).split("[,、，\\s]+")) {
            String tag = java.text.Normalizer.normalize(part, java.text.Normalizer.Form.NFKC)
                    .strip();
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (tag.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("タグに制御文字は使えません");
            }
            if (tag.length() > TAG_LENGTH) {
                throw new IllegalArgumentException("タグは1つ" + TAG_LENGTH + "文字までです（「" + tag.substring(0, 10) + "…」）");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("タグは1人の顧客に" + MAX_TAGS + "個までです（" + tags.size() + "個あります）");
        }
        lock(jdbc);
        Customer before = standing(id);
        List<String> was = tags(id);
        jdbc.sql("update customer set tags = ?::text[], updated_at = now() where id = ?")
                .params(tags.toArray(String[]::new), before.id())
                .update();
        audit.record(
                actor,
                "CUSTOMER_EDITED",
                "customer:" + id,
                "タグ: " + (was.isEmpty() ? "(なし)" : String.join(" ", was)) + " → "
                        + (tags.isEmpty() ? "(なし)" : String.join(" ", tags)));
        return tags;
    }

    /**
     * Puts a customer on the blacklist with a reason, or takes them off. Only orders linked from now on get an
     * alert; orders already in the OMS are left as they are.
     *
     * @throws IllegalArgumentException when there is no such customer, or no reason is given for blacklisting
     * @throws IllegalStateException when the customer was merged away
     */
    @Transactional
    public void blacklist(long id, boolean blacklisted, String reason, String actor) {
        if (blacklisted && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("ブラックリストに登録する理由を入力してください");
        }
        lock(jdbc);
        standing(id);
        jdbc.sql("update customer set blacklisted = ?, blacklist_reason = ?, updated_at = now() where id = ?")
                .params(blacklisted, blacklisted ? reason.strip() : null, id)
                .update();
        audit.record(
                actor,
                blacklisted ? "CUSTOMER_BLACKLISTED" : "CUSTOMER_BLACKLIST_LIFTED",
                "customer:" + id,
                blacklisted ? "理由: " + reason.strip() : "ブラックリストから外しました");
    }

    /**
     * 名寄せ: merges customer {@code mergedId} into {@code survivorId}. The merged customer's orders move to the
     * survivor; the survivor keeps its own fields and takes the merged one's only where its own are empty; it is
     * blacklisted if either was. The merged customer stays, pointing at the survivor, which from then on gets the orders that match either.
     *
     * @return the survivor after the merge
     * @throws IllegalArgumentException when either customer does not exist
     * @throws IllegalStateException when both are the same customer or either was already merged away
     */
    @Transactional
    public Customer merge(long survivorId, long mergedId, String actor) {
        return merging.merge(survivorId, mergedId, actor);
    }

    /**
     * Every write to customers takes this lock first, so two orders of one new customer linked at once (the
     * listener runs on several threads, the backfill beside it) make one customer, not two.
     */
    static void lock(JdbcClient jdbc) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Object.class)
                .single();
    }

    /** Identifies this module's advisory lock ("customer" in ASCII). */
    private static final long LOCK = 0x637573746f6d6572L;

    /** The customer with this id as stored, merged away or not. */
    static Optional<Customer> stored(JdbcClient jdbc, long id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(Customer.class)
                .optional();
    }

    private Customer standing(long id) {
        Customer customer = stored(jdbc, id).orElseThrow(() -> new IllegalArgumentException("顧客 #" + id + " はありません"));
        if (customer.mergedAway()) {
            throw new IllegalStateException(
                    "顧客 #" + id + " は顧客 #" + customer.mergedInto() + " に統合済みです。統合先の顧客を変更してください");
        }
        return customer;
    }

    private static void changed(List<String> changed, String label, String before, String after) {
        if (!Objects.equals(blankToNull(before), after)) {
            changed.add(label);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The keyword filter of the list and the search, as named parameters. */
    private record Filter(boolean any, Map<String, Object> params) {

        static Filter of(String keyword) {
            String k = keyword == null ? "" : keyword.strip();
            Map<String, Object> params = new HashMap<>();
            params.put("like", "%" + escape(k) + "%");
            String emailKey = MatchKeys.emailKey(k);
            params.put("emailLike", "%" + escape(emailKey == null ? "" : emailKey) + "%");
            params.put("nameLike", "%" + escape(MatchKeys.nameKey(k)) + "%");
            // a keyword of digits and hyphens also finds phone numbers written another way
            String digits = k.matches("[0-9０-９\\-－ー()（）+ ]+") ? MatchKeys.phoneKey(k) : null;
            params.put("digitsLike", digits == null ? null : "%" + digits + "%");
            return new Filter(!k.isEmpty(), params);
        }

        String where() {
            return " where c.merged_into is null"
                    + (any
                            ? " and (c.name ilike :like or c.kana ilike :like or c.email_key like :emailLike"
                                    + " or c.name_key ilike :nameLike or c.phone ilike :like"
                                    + " or c.phone_key like cast(:digitsLike as varchar))"
                            : "");
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    private static final String SELECT = """
            select c.id, c.name, c.kana, c.email, c.phone, c.postal_code, c.prefecture, c.address, c.blacklisted,
                   c.blacklist_reason, c.note, c.merged_into,
                   coalesce(s.order_count, 0) as order_count, coalesce(s.total_spent, 0) as total_spent,
                   s.last_ordered_at, c.created_at, c.updated_at
            from customer c
            left join lateral (
                select count(*) filter (where not o.cancelled) as order_count,
                       sum(o.total) filter (where not o.cancelled) as total_spent,
                       max(o.ordered_at) as last_ordered_at
                from customer_order o where o.customer_id = c.id) s on true
            """;

    private static final String ORDER = " order by s.last_ordered_at desc nulls last, c.id desc";
}
