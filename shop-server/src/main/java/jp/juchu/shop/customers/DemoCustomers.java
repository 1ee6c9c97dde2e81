package jp.juchu.shop.customers;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import jp.juchu.shop.orders.DemoOrders;
import jp.juchu.shop.shops.ShopOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's members — the people of the demo orders who buy as members, each with password
 * {@code demo-pass} and some points — and reviews of its products.
 */
@Component
class DemoCustomers {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    static final String PASSWORD = "demo-pass";

    private static final String[][] PLACES = {
        {"150-0001", "東京都", "渋谷区神宮前1-2-3", "03-3400-1234"},
        {"530-0001", "大阪府", "大阪市北区梅田2-4-9", "06-6345-2345"},
        {"460-0008", "愛知県", "名古屋市中区栄3-5-12", "052-251-3456"},
        {"812-0011", "福岡県", "福岡市博多区博多駅前1-1-1", "092-431-4567"}
    };

    private static final Object[][] REVIEWS = {
        {"tea-sencha-100", 5, "毎朝の一杯に", "深蒸しらしいまろやかさで、渋みが少なく家族みんなで飲んでいます。", "静岡茶好き"},
        {"tea-sencha-100", 4, "香りが良い", "200gを購入。袋を開けたときの香りがとても良かったです。", "まめ"},
        {"tea-sencha-100", 5, "リピートしています", "もう5回目の注文です。いつも丁寧な梱包ありがとうございます。", "さくら"},
        {"tea-gyokuro-50", 5, "贈り物に", "父の誕生日に贈りました。甘みがあって驚いていました。", "ギフト選び中"},
        {"tea-gyokuro-50", 4, "低温で淹れると絶品", "50℃くらいで淹れるのがおすすめです。少量なのが惜しい。", "玉露初心者"},
        {"tea-hojicha-200", 5, "夜にも安心", "香ばしくてカフェインも少なめなので寝る前に飲んでいます。", "よる"},
        {"tea-hojicha-200", 3, "普通においしい", "特別というほどではないですが、毎日飲むにはちょうど良いです。", "たなか"},
        {"tea-matcha-30", 5, "お菓子作りにも", "色がきれいで、抹茶ラテにしても香りが残ります。", "カフェ店主"},
        {"tea-matcha-30", 4, "缶が便利", "缶入りなので保存しやすいです。", "茶道部"},
        {"tea-genmai-200", 4, "香ばしい", "玄米の香りが強めで好みでした。", "げんまい"},
        {"sweets-yokan", 5, "お茶に合う", "甘すぎず、煎茶と一緒にいただくと最高です。", "和菓子好き"},
        {"sweets-yokan", 5, "日持ちする", "手土産用に購入。日持ちするので助かります。", "会社員"},
        {"sweets-monaka-6", 4, "皮がパリッと", "皮と餡が別になっていて、食べる直前に挟めます。", "おやつ"},
        {"ware-yunomi", 5, "藍色がきれい", "写真より深い藍色で、とても気に入りました。", "器すき"},
        {"ware-yunomi", 4, "手に馴染む", "少し小ぶりですが、手に馴染みます。", "ゆのみ"},
        {"ware-kyusu", 5, "茶こしが優秀", "細かい茶葉でも詰まりません。一生使えそうです。", "急須デビュー"},
        {"ware-kyusu", 4, "注ぎやすい", "液だれしないのが良いです。価格相応の品質。", "やまだ"},
        {"goods-tenugui", 5, "柄が素敵", "桜柄を額に入れて飾っています。", "てぬぐい収集家"},
        {"goods-tenugui", 4, "使うほど柔らかく", "最初は硬めですが、洗うほど柔らかくなります。", "はなこ"},
        {"goods-tshirt", 3, "サイズ感", "少し大きめなので、ワンサイズ下でも良かったかも。", "Tシャツ"},
        {"goods-tshirt", 4, "生地がしっかり", "洗濯しても首元がよれません。", "こん"},
        {"gift-set-a", 5, "お歳暮に", "包装も丁寧で、先方にも喜ばれました。", "お歳暮担当"},
        {"gift-set-a", 4, "バランスが良い", "煎茶と羊羹の組み合わせがちょうど良いです。", "さとう"},
    };

    private final Members members;
    private final Reviews reviews;
    private final Clock clock;

    DemoCustomers(Members members, Reviews reviews, Clock clock) {
        this.members = members;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** Members and reviews come after the products (10) and before the orders (30). */
    @EventListener
    @Order(20)
    void onDemoShopOpened(ShopOpened opened) {
        if (!opened.demo()) {
            return;
        }
        String shop = opened.shopId();
        Random random = new Random(20261128L);
        List<DemoOrders.DemoMember> people = DemoOrders.MEMBERS;
        for (int i = 0; i < people.size(); i++) {
            DemoOrders.DemoMember person = people.get(i);
            String[] place = PLACES[i % PLACES.length];
            members.register(
                    shop,
                    new Registration(
                            person.account(),
                            PASSWORD,
                            person.name(),
                            person.kana(),
                            person.email(),
                            place[3],
                            place[0],
                            place[1],
                            place[2],
                            null));
            members.changePoints(shop, person.account(), 100L * (1 + random.nextInt(20)), "入会特典・ご購入ポイント", null);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < REVIEWS.length; i++) {
            Object[] r = REVIEWS[i];
            reviews.post(
                    shop,
                    (String) r[0],
                    (Integer) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    now.minusDays(REVIEWS.length - i).minusHours(random.nextInt(12)));
        }
        log.info("Demo shop {}: {} members (password {}), {} reviews", shop, people.size(), PASSWORD, REVIEWS.length);
    }
}
