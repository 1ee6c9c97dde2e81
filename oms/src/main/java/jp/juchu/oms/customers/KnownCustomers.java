package jp.juchu.oms.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customers a page of orders can match, read in one statement and then matched in memory exactly as one
 * statement per order would: by e-mail key first, else by phone and name key, the standing customer with the lowest id
 * first, a merged-away one leading to its survivor. What linking an order changes is kept here too (a new customer; a
 * matched customer's empty e-mail or phone key filled from the order), so that the page's later orders match as they
 * would have one by one.
 */
final class KnownCustomers {

    /** A customer as matching sees it; a new one (not yet written) sorts after every stored one. */
    private record Candidate(long order, boolean mergedAway, long survivor) {}

    private static final Comparator<Candidate> STANDING_FIRST =
            Comparator.comparing(Candidate::mergedAway).thenComparingLong(Candidate::order);

    private record PhoneName(String phone, String name) {}

    /** The keys a survivor has now, to know which an order may fill. */
    private static final class Keys {
        String email;
        String phone;

        Keys(String email, String phone) {
            this.email = email;
            this.phone = phone;
        }
    }

    private final Map<String, TreeSet<Candidate>> byEmail = new HashMap<>();
    private final Map<PhoneName, TreeSet<Candidate>> byPhoneName = new HashMap<>();
    private final Map<Long, Keys> survivors = new HashMap<>();
    private final Map<Long, String> nameKeys = new HashMap<>();
    private long nextNew = -1;

    private KnownCustomers() {}

    /** Every stored customer one of these keys could match, and the survivors they lead to. */
    static KnownCustomers of(JdbcClient jdbc, Collection<MatchKeys> keys) {
        KnownCustomers known = new KnownCustomers();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MatchKeys k : keys) {
            if (k.email() != null) {
                emails.add(k.email());
            }
            if (k.phone() != null && !k.name().isEmpty()) {
                phones.add(k.phone());
                names.add(k.name());
            }
        }
        if (emails.isEmpty() && phones.isEmpty()) {
            return known;
        }
        jdbc.sql("""
                        with matching as (
                            select c.* from customer c where c.email_key = any (:emails)
                            union
                            select c.* from customer c
                            join unnest(:phones, :names) as k(phone, name) on c.phone_key = k.phone and c.name_key = k.name
                        )
                        select id, merged_into, email_key, phone_key, name_key, true as matching from matching
                        union all
                        select s.id, s.merged_into, s.email_key, s.phone_key, s.name_key, false from customer s
                        where s.id in (select merged_into from matching) and s.id not in (select id from matching)
                        """)
                .param("emails", emails.toArray(String[]::new))
                .param("phones", phones.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .query(rs -> {
                    long id = rs.getLong("id");
                    long mergedInto = rs.getLong("merged_into");
                    boolean mergedAway = !rs.wasNull();
                    String email = rs.getString("email_key");
                    String phone = rs.getString("phone_key");
                    String name = rs.getString("name_key");
                    if (!mergedAway) {
                        known.survivors.put(id, new Keys(email, phone));
                        known.nameKeys.put(id, name);
                    }
                    Candidate candidate = new Candidate(id, mergedAway, mergedAway ? mergedInto : id);
                    if (email != null) {
                        known.byEmail
                                .computeIfAbsent(email, e -> new TreeSet<>(STANDING_FIRST))
                                .add(candidate);
                    }
                    if (phone != null) {
                        known.byPhoneName
                                .computeIfAbsent(new PhoneName(phone, name), p -> new TreeSet<>(STANDING_FIRST))
                                .add(candidate);
                    }
                });
        return known;
    }

    /** The survivor these keys match, as {@code CustomerLinking} matches: e-mail first, else phone and name. */
    Optional<Long> match(MatchKeys keys) {
        if (keys.email() != null) {
            TreeSet<Candidate> found = byEmail.get(keys.email());
            if (found != null && !found.isEmpty()) {
                return Optional.of(found.first().survivor());
            }
        }
        if (keys.phone() == null || keys.name().isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Candidate> found = byPhoneName.get(new PhoneName(keys.phone(), keys.name()));
        return found == null || found.isEmpty()
                ? Optional.empty()
                : Optional.of(found.first().survivor());
    }

    /**
     * A customer made from an order, matched by the page's later orders; its id is a stand-in (negative) until it is
     * written.
     */
    long created(MatchKeys keys) {
        long id = nextNew--;
        survivors.put(id, new Keys(null, null));
        nameKeys.put(id, keys.name());
        filled(id, keys);
        return id;
    }

    /** A matched (or new) customer takes the order's e-mail and phone keys where it has none. */
    void filled(long survivor, MatchKeys keys) {
        Keys current = survivors.get(survivor);
        if (current == null) {
            return;
        }
        // a stand-in id sorts after every stored customer, in the order the page created them
        Candidate candidate = new Candidate(survivor < 0 ? Long.MAX_VALUE / 2 - survivor : survivor, false, survivor);
        if (current.email == null && keys.email() != null) {
            current.email = keys.email();
            byEmail.computeIfAbsent(keys.email(), e -> new TreeSet<>(STANDING_FIRST))
                    .add(candidate);
        }
        if (current.phone == null && keys.phone() != null) {
            current.phone = keys.phone();
            byPhoneName
                    .computeIfAbsent(
                            new PhoneName(keys.phone(), nameKeys.get(survivor)), p -> new TreeSet<>(STANDING_FIRST))
                    .add(candidate);
        }
    }
}
