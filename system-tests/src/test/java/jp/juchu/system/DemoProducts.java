package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo shop's catalogue (the shop server's {@code DemoCatalog}) registered in an OMS through its own screens, the
 * way a merchant starts: the products CSV (one SKU per variation), the listings CSV mapping the shop's items to them,
 * and each SKU's stock set on the 入出庫 page (在庫数指定). For a benchmark whose OMS has no demo data of its own.
 */
final class DemoProducts {

    /** Item code and its variations as the demo shop sells them ("" for an item without variations). */
    private record Item(String code, String name, List<String> variations) {}

    private static final List<Item> ITEMS = List.of(
            new Item("tea-sencha-100", "静岡 深蒸し煎茶", List.of("100g", "200g")),
            new Item("tea-gyokuro-50", "八女 玉露", List.of("")),
            new Item("tea-hojicha-200", "京都 ほうじ茶", List.of("")),
            new Item("tea-matcha-30", "宇治抹茶 (薄茶用)", List.of("30g缶")),
            new Item("tea-genmai-200", "玄米茶", List.of("")),
            new Item("sweets-yokan", "本練り羊羹", List.of("")),
            new Item("sweets-monaka-6", "最中 6個入", List.of("")),
            new Item("sweets-dorayaki-5", "どら焼き 5個入", List.of("")),
            new Item("ware-yunomi", "有田焼 湯呑み", List.of("藍", "白")),
            new Item("ware-kyusu", "常滑焼 急須", List.of("")),
            new Item("goods-tenugui", "注染 手ぬぐい", List.of("桜", "青海波", "麻の葉")),
            new Item("goods-tshirt", "茶柄 Tシャツ", List.of("白/S", "白/M", "白/L", "紺/S", "紺/M", "紺/L")),
            new Item("gift-set-a", "煎茶と羊羹の詰め合わせ", List.of("")),
            new Item("goods-furoshiki", "綿 風呂敷 (中)", List.of("")));

    private DemoProducts() {}

    /** Registers the catalogue as SKUs mapped for the connection, each with {@code stockPerSku} on hand; the SKUs. */
    static List<String> register(OmsSession session, String connectionId, int stockPerSku) {
        return register(session, List.of(connectionId), stockPerSku);
    }

    /**
     * Registers the catalogue as SKUs mapped for each of these connections (shops selling the same goods), each SKU
     * with {@code stockPerSku} on hand; the SKUs' codes.
     */
    static List<String> register(OmsSession session, List<String> connectionIds, int stockPerSku) {
        Map<String, String[]> skus = new LinkedHashMap<>(); // SKU code -> item code, variation, name
        for (Item item : ITEMS) {
            int n = 0;
            for (String variation : item.variations()) {
                n++;
                String code =
                        item.variations().size() == 1 && variation.isEmpty() ? item.code() : item.code() + "-" + n;
                skus.put(code, new String[] {
                    item.code(), variation, item.name() + (variation.isEmpty() ? "" : " " + variation)
                });
            }
        }
        StringBuilder products = new StringBuilder("商品コード,商品名,バリエーション1\n");
        StringBuilder listings = new StringBuilder("接続ID,ショップ商品コード,バリエーション,商品コード,倍率\n");
        skus.forEach((code, item) -> {
            products.append(code)
                    .append(',')
                    .append(item[2])
                    .append(',')
                    .append(item[1])
                    .append('\n');
            for (String connectionId : connectionIds) {
                listings.append(connectionId)
                        .append(',')
                        .append(item[0])
                        .append(',')
                        .append(item[1])
                        .append(',')
                        .append(code)
                        .append(",1\n");
            }
        });
        upload(session, "PRODUCTS", products.toString());
        upload(session, "LISTINGS", listings.toString());
        for (String code : skus.keySet()) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("type", "SET");
            form.put("code", code);
            form.put("quantity", String.valueOf(stockPerSku));
            form.put("reason", "初期在庫");
            form.put("note", "");
            form.put("location", "");
            HttpResponse<String> booked = session.postForm("/stock/movements", "/stock/movements", form);
            assertThat(booked.statusCode()).isEqualTo(302);
            assertThat(session.get("/stock/movements"))
                    .as("the stock of " + code + " set")
                    .contains("を登録しました");
        }
        String stock = session.get("/stock");
        for (String code : skus.keySet()) {
            assertThat(stock).as("the stock page lists " + code).contains(code);
        }
        return new ArrayList<>(skus.keySet());
    }

    private static void upload(OmsSession session, String kind, String csv) {
        HttpResponse<String> uploaded = session.postFile(
                "/products/csv",
                "/products/csv",
                Map.of("kind", kind),
                "file",
                kind.toLowerCase() + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String result = session.get("/products/csv");
        assertThat(result).as(kind + " CSV taken").contains("行を取り込みました");
    }
}
