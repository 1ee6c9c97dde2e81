package jp.juchu.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.orders.DemoOrders;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CustomerTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    Members members;

    @Autowired
    Clients clients;

    @Autowired
    Reviews reviews;

    @Autowired
    Shops shops;

    @Autowired
    DemoOrders demoOrders;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "customers" + SHOPS.incrementAndGet();
        shops.open(shopId, "顧客テスト店", "password-1");
    }

    static Registration registration(String account) {
        return new Registration(
                account,
                "secret-pass",
                "山田 花子",
                "ヤマダ ハナコ",
                account + "@example.jp",
                "03-1234-5678",
                "150-0001",
                "東京都",
                "渋谷区神宮前1-2-3",
                null);
    }

    @Test
    void registrationChecksEachFieldAndHashesThePassword() {
        Member member = members.register(shopId, registration("hanako"));

        assertThat(member.points()).isZero();
        assertThat(members.passwordMatches(shopId, "hanako", "secret-pass")).isTrue();
        assertThat(members.passwordMatches(shopId, "hanako", "wrong")).isFalse();
        assertThatThrownBy(() -> members.register(shopId, registration("hanako")))
                .isInstanceOf(InvalidCustomer.class)
                .extracting("field")
                .isEqualTo("account");
        Registration badPhone = new Registration(
                "taro", "secret-pass", "山田 太郎", "ヤマダ タロウ", "taro@example.jp", "phone", "150-0001", "東京都", "渋谷区", null);
        assertThatThrownBy(() -> members.register(shopId, badPhone))
                .isInstanceOf(InvalidCustomer.class)
                .extracting("field")
                .isEqualTo("phone");
    }

    @Test
    void pointsNeverGoBelowZeroEvenWhenSpentConcurrently() throws Exception {
        members.register(shopId, registration("spender"));
        members.changePoints(shopId, "spender", 1000, "入会特典", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String serial = "S" + i;
            orders.add(() -> {
                try {
                    members.usePoints(shopId, "spender", 300, serial);
                    return true;
                } catch (NotEnoughPoints e) {
                    return false;
                }
            });
        }
        int spent = 0;
        for (Future<Boolean> done : pool.invokeAll(orders)) {
            spent += done.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(spent).isEqualTo(3);
        assertThat(members.find(shopId, "spender").orElseThrow().points()).isEqualTo(100);
        assertThat(members.ledger(shopId, "spender", 10)).hasSize(4).allMatch(e -> e.balanceAfter() >= 0);
        assertThatThrownBy(() -> members.changePoints(shopId, "spender", -200, "調整", null))
                .isInstanceOf(NotEnoughPoints.class);
    }

    @Test
    void clientSearchFindsMembersAndGuestsFromTheirOrders() {
        demoOrders.generate(shopId, 60, OffsetDateTime.now().minusDays(5), OffsetDateTime.now(), 3L);
        DemoOrders.DemoMember yamada = DemoOrders.MEMBERS.get(0);
        members.register(
                shopId,
                new Registration(
                        yamada.account(),
                        "secret-pass",
                        yamada.name(),
                        yamada.kana(),
                        yamada.email(),
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null));

        Clients.ClientPage found = clients.search(shopId, new ClientQuery(null, null, "山田太郎", null, null), 0, 100);

        assertThat(found.clients()).anyMatch(c -> c.member() && c.account().equals(yamada.account()));
        assertThat(found.clients()).anyMatch(c -> !c.member() && c.email().startsWith("buyer"));
        assertThat(found.clients()).allMatch(c -> c.name().equals("山田 太郎"));
        assertThat(found.clients().stream().map(Client::email).distinct().count())
                .isEqualTo(found.clients().size());
    }

    @Test
    void reviewsAverageOnlyWhatIsPublished() {
        reviews.post(shopId, "tea-1", 5, "おいしい", "香りが良い", "A", OffsetDateTime.now());
        Review hidden = reviews.post(shopId, "tea-1", 1, "宣伝", "http://spam", "B", OffsetDateTime.now());
        reviews.post(shopId, "tea-1", 4, "また買う", "リピート", "C", OffsetDateTime.now());
        reviews.publish(shopId, hidden.id(), false);

        ItemReviews shown = reviews.of(shopId, "tea-1");
        assertThat(shown.reviews()).hasSize(2);
        assertThat(shown.averageRating()).isEqualTo(4.5);
        assertThatThrownBy(() -> reviews.post(shopId, "tea-1", 6, "x", "y", "z", OffsetDateTime.now()))
                .isInstanceOf(InvalidCustomer.class)
                .extracting("field")
                .isEqualTo("rating");
    }
}
