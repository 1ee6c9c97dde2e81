package jp.juchu.shop.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.shop.shops.ShopOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's catalog: a tea-and-goods shop's category tree and products, with the item codes, prices
 * and variations its demo orders use, some running low, one sold out and one not yet published.
 */
@Component
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final Catalog catalog;
    private final Categories categories;

    DemoCatalog(Catalog catalog, Categories categories) {
        this.catalog = catalog;
        this.categories = categories;
    }

    /** Products come first among the demo shop's modules (orders refer to them). */
    @EventListener
    @Order(10)
    void onDemoShopOpened(ShopOpened opened) {
        if (!opened.demo()) {
            return;
        }
        String shop = opened.shopId();
        for (String top : List.of("食品", "器", "雑貨", "ギフト")) {
            categories.add(shop, null, top);
        }
        categories.add(shop, "食品", "日本茶");
        categories.add(shop, "食品", "和菓子");
        categories.add(shop, "器", "湯呑み");
        categories.add(shop, "器", "急須");
        categories.add(shop, "雑貨", "手ぬぐい・風呂敷");
        categories.add(shop, "雑貨", "衣料");

        add(
                shop,
                "tea-sencha-100",
                "静岡 深蒸し煎茶",
                1080,
                8,
                10,
                List.of(axis("内容量", "100g", "200g")),
                Map.of("100g", 120, "200g", 45),
                "食品/日本茶");
        add(shop, "tea-gyokuro-50", "八女 玉露", 2160, 8, 5, List.of(), Map.of("", 3), "食品/日本茶", "ギフト");
        add(shop, "tea-hojicha-200", "京都 ほうじ茶", 864, 8, 10, List.of(), Map.of("", 80), "食品/日本茶");
        add(
                shop,
                "tea-matcha-30",
                "宇治抹茶 (薄茶用)",
                1620,
                8,
                5,
                List.of(axis("内容量", "30g缶")),
                Map.of("30g缶", 40),
                "食品/日本茶");
        add(shop, "tea-genmai-200", "玄米茶", 648, 8, 10, List.of(), Map.of("", 150), "食品/日本茶");
        add(shop, "sweets-yokan", "本練り羊羹", 1296, 8, 5, List.of(), Map.of("", 36), "食品/和菓子");
        add(shop, "sweets-monaka-6", "最中 6個入", 1404, 8, 5, List.of(), Map.of("", 4), "食品/和菓子");
        add(shop, "sweets-dorayaki-5", "どら焼き 5個入", 1188, 8, 5, List.of(), Map.of("", 0), "食品/和菓子");
        add(
                shop,
                "ware-yunomi",
                "有田焼 湯呑み",
                2750,
                10,
                3,
                List.of(axis("色", "藍", "白")),
                Map.of("藍", 18, "白", 2),
                "器/湯呑み");
        add(shop, "ware-kyusu", "常滑焼 急須", 5500, 10, 2, List.of(), Map.of("", 12), "器/急須");
        add(
                shop,
                "goods-tenugui",
                "注染 手ぬぐい",
                1320,
                10,
                5,
                List.of(axis("柄", "桜", "青海波", "麻の葉")),
                Map.of("桜", 30, "青海波", 25, "麻の葉", 0),
                "雑貨/手ぬぐい・風呂敷");
        add(
                shop,
                "goods-tshirt",
                "茶柄 Tシャツ",
                3300,
                10,
                3,
                List.of(axis("色", "白", "紺"), axis("サイズ", "S", "M", "L")),
                Map.of("白/S", 8, "白/M", 12, "白/L", 6, "紺/S", 0, "紺/M", 10, "紺/L", 4),
                "雑貨/衣料");
        add(shop, "gift-set-a", "煎茶と羊羹の詰め合わせ", 4320, 8, 3, List.of(), Map.of("", 20), "ギフト", "食品/和菓子");
        add(shop, "goods-furoshiki", "綿 風呂敷 (中)", 2200, 10, 0, List.of(), null, "雑貨/手ぬぐい・風呂敷");
        catalog.create(
                shop,
                new ProductDraft(
                        "tea-shincha-2027",
                        "2027年 新茶 (予約)",
                        1620,
                        8,
                        false,
                        0,
                        false,
                        "4月下旬から公開予定",
                        List.of(),
                        Map.of("", 0),
                        List.of("食品/日本茶")));
        log.info("Demo shop {}: catalog with {} products", shop, catalog.count(shop));
    }

    private static Product.Axis axis(String title, String... choices) {
        return new Product.Axis(title, List.of(choices));
    }

    /** A published product; {@code stock} null for unlimited stock. */
    private void add(
            String shop,
            String code,
            String name,
            long price,
            int rate,
            int alert,
            List<Product.Axis> axes,
            Map<String, Integer> stock,
            String... categoryPaths) {
        catalog.create(
                shop,
                new ProductDraft(
                        code,
                        name,
                        price,
                        rate,
                        stock == null,
                        alert,
                        true,
                        null,
                        axes,
                        stock == null ? Map.of() : new LinkedHashMap<>(stock),
                        List.of(categoryPaths)));
    }
}
