package jp.juchu.shop.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.juchu.shop.shops.ShopOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Realistic demo orders of a Japanese tea-and-goods shop: members and guests, one or several destinations,
 * 8 % food and 10 % goods, every payment method, every state, over a date range. Deterministic for a seed,
 * and fast enough (batches of 1,000) to make 100,000 orders for a benchmark.
 */
@Component
public class DemoOrders {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private static final int BATCH = 1000;

    /** Orders from which a generation counts as a bulk load, after which the order tables are analysed. */
    private static final int BULK_LOAD = 1000;

    /** code, name, price (tax incl.), rate, variations ("" = none). */
    record DemoItem(String code, String name, long price, int rate, String[] variations) {}

    static final List<DemoItem> ITEMS = List.of(
            new DemoItem("tea-sencha-100", "静岡 深蒸し煎茶", 1080, 8, new String[] {"100g", "200g"}),
            new DemoItem("tea-gyokuro-50", "八女 玉露", 2160, 8, new String[] {""}),
            new DemoItem("tea-hojicha-200", "京都 ほうじ茶", 864, 8, new String[] {""}),
            new DemoItem("tea-matcha-30", "宇治抹茶 (薄茶用)", 1620, 8, new String[] {"30g缶"}),
            new DemoItem("tea-genmai-200", "玄米茶", 648, 8, new String[] {""}),
            new DemoItem("sweets-yokan", "本練り羊羹", 1296, 8, new String[] {""}),
            new DemoItem("sweets-monaka-6", "最中 6個入", 1404, 8, new String[] {""}),
            new DemoItem("ware-yunomi", "有田焼 湯呑み", 2750, 10, new String[] {"藍", "白"}),
            new DemoItem("ware-kyusu", "常滑焼 急須", 5500, 10, new String[] {""}),
            new DemoItem("goods-tenugui", "注染 手ぬぐい", 1320, 10, new String[] {"桜", "青海波", "麻の葉"}),
            new DemoItem("goods-tshirt", "茶柄 Tシャツ", 3300, 10, new String[] {"白/S", "白/M", "白/L", "紺/M", "紺/L"}),
            new DemoItem("gift-set-a", "煎茶と羊羹の詰め合わせ", 4320, 8, new String[] {""}));

    private static final String[][] PEOPLE = {
        {"山田 太郎", "ヤマダ タロウ"}, {"佐藤 花子", "サトウ ハナコ"}, {"鈴木 一郎", "スズキ イチロウ"},
        {"高橋 美咲", "タカハシ ミサキ"}, {"田中 健太", "タナカ ケンタ"}, {"伊藤 由美", "イトウ ユミ"},
        {"渡辺 翔", "ワタナベ ショウ"}, {"中村 さくら", "ナカムラ サクラ"}, {"小林 大輔", "コバヤシ ダイスケ"},
        {"加藤 愛", "カトウ アイ"}, {"吉田 誠", "ヨシダ マコト"}, {"山本 恵", "ヤマモト メグミ"}
    };

    /** A demo shop member: the people of the demo orders who buy as members. */
    public record DemoMember(String account, String name, String kana, String email) {}

    /** The demo orders' members; the customers module registers them (password {@code demo-pass}). */
    public static final List<DemoMember> MEMBERS = java.util.stream.IntStream.range(0, PEOPLE.length)
            .mapToObj(i -> new DemoMember(
                    "member" + (101 + i), PEOPLE[i][0], PEOPLE[i][1], "member" + (101 + i) + "@example.jp"))
            .toList();

    private static final String[][] PLACES = {
        {"150-0001", "東京都", "渋谷区神宮前1-2-3", "03"}, {"530-0001", "大阪府", "大阪市北区梅田2-4-9", "06"},
        {"460-0008", "愛知県", "名古屋市中区栄3-5-12", "052"}, {"060-0001", "北海道", "札幌市中央区北一条西4-2", "011"},
        {"812-0011", "福岡県", "福岡市博多区博多駅前1-1-1", "092"}, {"900-0015", "沖縄県", "那覇市久茂地3-1-1", "098"},
        {"420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054"}, {"604-8005", "京都府", "京都市中京区河原町通三条上る", "075"},
        {"980-0021", "宮城県", "仙台市青葉区中央1-3-1", "022"}, {"730-0011", "広島県", "広島市中区基町6-78", "082"}
    };

    private static final String[] NOSHI = {null, null, null, "御歳暮", "御中元", "内祝", "御礼"};
    private static final String[] REMARKS = {null, null, null, "午前中は不在です", "ギフト用に簡易包装でお願いします", "領収書希望"};

    private final OrderRecording orders;
    private final OrderSettings settings;
    private final Clock clock;
    private final JdbcClient jdbc;

    DemoOrders(OrderRecording orders, OrderSettings settings, Clock clock, JdbcClient jdbc) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The demo shop gets its orders after its products and members (ordered 10, 20, then this). */
    @EventListener
    @org.springframework.core.annotation.Order(30)
    void onDemoShopOpened(ShopOpened opened) {
        if (!opened.demo()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        generate(
                opened.shopId(), settings.demoOrders(), now.minusDays(30).plusHours(1), now.minusMinutes(5), 20261128L);
        if (settings.generateOnStart() > 0) {
            generate(opened.shopId(), settings.generateOnStart(), now.minusDays(365), now.minusDays(31), 7L);
        }
    }

    /** Records {@code count} orders spread evenly over [from, to]; returns how many were made. */
    public int generate(String shopId, int count, OffsetDateTime from, OffsetDateTime to, long seed) {
        Random random = new Random(seed);
        long span = Math.max(1, java.time.Duration.between(from, to).getSeconds());
        List<NewOrder> batch = new ArrayList<>(BATCH);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < count; i++) {
            OffsetDateTime at =
                    from.plusSeconds(span * i / Math.max(1, count - 1)).withNano(0);
            batch.add(order(shopId, at, now, random));
            if (batch.size() == BATCH) {
                orders.record(batch);
                batch.clear();
            }
        }
        orders.record(batch);
        if (count >= BULK_LOAD) {
            // a bulk load: the planner gets its statistics now, as PostgreSQL advises, not when autovacuum comes
            // round — until then it read the order API's pages with parallel scans (a process forked for each)
            jdbc.sql("analyze shop_order, shop_order_delivery, shop_order_item, shop_order_tally")
                    .update();
        }
        log.info("Generated {} demo orders for shop {}", count, shopId);
        return count;
    }

    NewOrder order(String shopId, OffsetDateTime at, OffsetDateTime now, Random random) {
        int personIndex = random.nextInt(PEOPLE.length);
        String[] person = PEOPLE[personIndex];
        String[] place = PLACES[random.nextInt(PLACES.length)];
        boolean member = random.nextInt(3) > 0;
        int personNo = random.nextInt(900) + 100;
        String account = member ? MEMBERS.get(personIndex).account() : null;
        String phone = place[3] + "-" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000));
        Order.Buyer buyer = new Order.Buyer(
                person[0],
                person[1],
                member ? MEMBERS.get(personIndex).email() : "buyer" + personNo + "@example.jp",
                phone,
                place[0],
                place[1],
                place[2],
                random.nextInt(4) == 0 ? "コーポ" + (101 + random.nextInt(300)) : null,
                account);
        int destinations = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
        long age = java.time.Duration.between(at, now).toHours();
        boolean shipped = age > 72 && random.nextInt(5) > 0;
        List<Order.Delivery> deliveries = new ArrayList<>();
        for (int d = 1; d <= destinations; d++) {
            String[] to = d == 1 ? place : PLACES[random.nextInt(PLACES.length)];
            String[] recipient = d == 1 ? person : PEOPLE[random.nextInt(PEOPLE.length)];
            List<Order.Item> items = new ArrayList<>();
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                DemoItem item = ITEMS.get(random.nextInt(ITEMS.size()));
                String variation = item.variations()[random.nextInt(item.variations().length)];
                items.add(new Order.Item(
                        item.code(),
                        variation.isEmpty() ? null : variation,
                        item.name(),
                        item.price(),
                        1 + random.nextInt(3),
                        item.rate()));
            }
            boolean remote = to[1].equals("北海道") || to[1].equals("沖縄県");
            long itemsTotal = items.stream().mapToLong(Order.Item::amount).sum();
            long fee = (itemsTotal >= 10_000 ? 0 : 800) + (remote ? 1000 : 0);
            boolean gift = random.nextInt(6) == 0;
            LocalDate wish = random.nextInt(3) == 0 ? at.toLocalDate().plusDays(3 + random.nextInt(5)) : null;
            TimeSlot slot = random.nextInt(2) == 0 ? TimeSlot.values()[random.nextInt(TimeSlot.values().length)] : null;
            deliveries.add(new Order.Delivery(
                    d,
                    recipient[0],
                    recipient[1],
                    d == 1 ? phone : to[3] + "-" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000)),
                    to[0],
                    to[1],
                    to[2],
                    null,
                    wish,
                    slot,
                    gift,
                    gift ? NOSHI[random.nextInt(NOSHI.length)] : null,
                    fee,
                    items,
                    shipped ? Carrier.Yamato : null,
                    shipped ? String.valueOf(400000000000L + Math.abs(random.nextLong() % 99999999999L)) : null,
                    shipped ? at.toLocalDate().plusDays(2) : null));
        }
        PaymentMethod method = PaymentMethod.values()[random.nextInt(4)];
        Order.Payment payment = method == PaymentMethod.CreditCard
                ? new Order.Payment(
                        method, random.nextBoolean() ? "VISA" : "JCB", String.format("%04d", random.nextInt(10000)))
                : new Order.Payment(method, null, null);
        long itemsTotal = deliveries.stream()
                .flatMap(d -> d.items().stream())
                .mapToLong(Order.Item::amount)
                .sum();
        long points = member && random.nextInt(4) == 0 ? Math.min(itemsTotal / 10, 50L * (1 + random.nextInt(10))) : 0;
        long coupon = random.nextInt(8) == 0 ? 300 : 0;
        long cod = method == PaymentMethod.CashOnDelivery ? (itemsTotal < 10_000 ? 330 : 440) : 0;
        long wrapping = deliveries.stream().filter(Order.Delivery::giftWrapping).count() * 330;
        OrderStatus status;
        PaymentStatus paid;
        int roll = random.nextInt(20);
        if (roll == 0) {
            status = OrderStatus.Cancelled;
            paid = PaymentStatus.Unpaid;
        } else if (shipped) {
            status = OrderStatus.Completed;
            paid = PaymentStatus.Paid;
        } else if (age < 24) {
            status = OrderStatus.New;
            paid = method == PaymentMethod.CreditCard ? PaymentStatus.Paid : PaymentStatus.Unpaid;
        } else {
            status = OrderStatus.Processing;
            paid = method == PaymentMethod.CashOnDelivery || random.nextInt(3) == 0
                    ? PaymentStatus.Unpaid
                    : PaymentStatus.Paid;
        }
        if (status == OrderStatus.Cancelled) {
            deliveries.replaceAll(d -> new Order.Delivery(
                    d.deliveryId(),
                    d.name(),
                    d.nameKana(),
                    d.phone(),
                    d.postalCode(),
                    d.prefecture(),
                    d.address1(),
                    d.address2(),
                    d.deliveryDate(),
                    d.timeSlot(),
                    d.giftWrapping(),
                    d.noshi(),
                    d.shippingFee(),
                    d.items(),
                    null,
                    null,
                    null));
        }
        return new NewOrder(
                shopId,
                at,
                buyer,
                payment,
                deliveries,
                cod,
                wrapping,
                coupon,
                points,
                REMARKS[random.nextInt(REMARKS.length)],
                status,
                paid);
    }
}
