package jp.juchu.oms.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import jp.juchu.oms.orders.OrderBuyer;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of orders linked at once, in set-based statements, gets exactly the customers that linking its orders one
 * after another (each seeing what the one before wrote) gives: the same matches, the same new customers, the same
 * fields filled in, merged-away customers leading to their survivor, blacklisted ones raising their alert.
 */
@SpringBootTest
class PageLinkingTests {

    @Autowired
    CustomerLinking linking;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPageLinkedAtOnceGetsTheSameCustomersAsItsOrdersLinkedOneByOne() {
        String tag = "pl" + System.nanoTime();
        long standing = customer(tag, "青木 一郎", tag + "-a@example.jp", null);
        long survivor = customer(tag, "青木 次郎", tag + "-s@example.jp", null);
        long merged = customer(tag, "青木 次郎", tag + "-b@example.jp", "03-0000-0002");
        customers.merge(survivor, merged, "test");
        long phoneOnly = customer(tag, "青木 三郎", null, "03-0000-0003");
        long blacklisted = customer(tag, "青木 四郎", tag + "-e@example.jp", null);
        customers.blacklist(blacklisted, true, "受取拒否", "test");

        for (long seed = 1; seed <= 5; seed++) {
            List<OrderBuyer> page = randomPage(tag, seed, 80);

            Map<Long, String> atOnce =
                    linkedRolledBack(page, p -> assertThat(linking.linkAll(p)).isEqualTo(p.size()));
            Map<Long, String> oneByOne = linkedRolledBack(page, p -> p.forEach(linking::link));

            assertThat(atOnce).as("seed " + seed).isEqualTo(oneByOne);
            assertThat(atOnce.values())
                    .as("the page reaches the stored customers, the survivor instead of the merged one")
                    .anyMatch(c -> c.startsWith("#" + standing + " "))
                    .anyMatch(c -> c.startsWith("#" + survivor + " "))
                    .anyMatch(c -> c.startsWith("#" + phoneOnly + " "))
                    .anyMatch(c -> c.startsWith("#" + blacklisted + " "))
                    .noneMatch(c -> c.startsWith("#" + merged + " "))
                    .anyMatch(c -> c.startsWith("new"));
        }
    }

    @Test
    void ordersAlreadyLinkedAreLeftOutOfAPage() {
        String tag = "pl" + System.nanoTime();
        List<OrderBuyer> page = randomPage(tag, 42, 10);
        transactions.executeWithoutResult(status -> {
            assertThat(linking.linkAll(page.subList(0, 4))).isEqualTo(4);
            assertThat(linking.linkAll(page)).isEqualTo(6);
            assertThat(linking.linkAll(page)).isZero();
            status.setRollbackOnly();
        });
    }

    /**
     * Links the page in a transaction that is rolled back, and says for each order which customer it got and what
     * that customer holds then: a stored customer by its id, a new one by the first order of the page linked to it.
     */
    private Map<Long, String> linkedRolledBack(List<OrderBuyer> page, Consumer<List<OrderBuyer>> link) {
        Map<Long, String> result = new LinkedHashMap<>();
        long firstNew = jdbc.sql("select coalesce(max(id), 0) from customer")
                .query(Long.class)
                .single();
        transactions.executeWithoutResult(status -> {
            link.accept(page);
            Map<Long, String> newNames = new HashMap<>();
            for (OrderBuyer order : page) {
                String row = jdbc.sql("""
                                select c.id, concat_ws('|', c.name, c.kana, c.email, c.phone, c.postal_code,
                                    c.prefecture, c.address, c.email_key, c.phone_key, c.name_key, c.merged_into,
                                    c.blacklisted) as fields
                                from customer_order co join customer c on c.id = co.customer_id
                                where co.order_id = ?
                                """)
                        .param(order.id())
                        .query((rs, n) -> {
                            long id = rs.getLong(1);
                            String name = id > firstNew
                                    ? newNames.computeIfAbsent(id, k -> "new(first order " + order.id() + ")")
                                    : "#" + id;
                            return name + " " + rs.getString(2);
                        })
                        .single();
                result.put(order.id(), row);
            }
            status.setRollbackOnly();
        });
        return result;
    }

    /** Orders whose buyers share e-mails (written differently), phones and names in every combination. */
    private static List<OrderBuyer> randomPage(String tag, long seed, int size) {
        Random random = new Random(seed);
        String[] emails = {
            tag + "-a@example.jp",
            " " + tag.toUpperCase() + "-A@EXAMPLE.JP",
            tag + "-b@example.jp",
            tag + "-c@example.jp",
            tag + "-e@example.jp",
            null,
            null,
            ""
        };
        String[] phones = {"03-0000-0002", "０３００００００03", "03-0000-0003", "090-1111-2222", null, null};
        String[] names = {"青木 一郎", "青木 次郎", "青木　三郎", "青木三郎", "青木 四郎", "別人 五郎"};
        String[] kanas = {"アオキ", null, ""};
        String[] postals = {"150-0001", null};
        List<OrderBuyer> page = new ArrayList<>();
        long base = 9_000_000_000L + Math.abs(tag.hashCode()) * 1000L + seed * 100;
        for (int i = 0; i < size; i++) {
            page.add(order(
                    base + i,
                    names[random.nextInt(names.length)],
                    kanas[random.nextInt(kanas.length)],
                    emails[random.nextInt(emails.length)],
                    phones[random.nextInt(phones.length)],
                    postals[random.nextInt(postals.length)],
                    random.nextBoolean() ? "渋谷区" + i : null));
        }
        return page;
    }

    private static OrderBuyer order(
            long id, String name, String kana, String email, String phone, String postal, String address) {
        return new OrderBuyer(
                id,
                7001,
                "N" + id,
                OffsetDateTime.now(),
                1000,
                false,
                new ShopOrder.Buyer(
                        name, kana, email, phone, postal, postal == null ? null : "東京都", address, null, null));
    }

    private long customer(String tag, String name, String email, String phone) {
        MatchKeys keys = MatchKeys.of(name, email, phone);
        return jdbc.sql("""
                        insert into customer (name, email, phone, email_key, phone_key, name_key, note)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(name, email, phone, keys.email(), keys.phone(), keys.name(), tag)
                .query(Long.class)
                .single();
    }
}
