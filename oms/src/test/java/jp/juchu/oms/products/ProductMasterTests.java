package jp.juchu.oms.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.Problem;
import jp.juchu.oms.products.internal.ProductCatalog;
import jp.juchu.oms.products.internal.ProductDraft;
import jp.juchu.oms.products.internal.ProductRefused;
import jp.juchu.oms.products.internal.SetComponents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ProductMasterTests {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    SetComponents sets;

    @Autowired
    ListingEditing listingEditing;

    @Autowired
    Listings listings;

    @Autowired
    Products products;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void japanese() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.JAPANESE);
    }

    @Test
    void everyFieldIsStoredAndReadBack() {
        String code = ProductFixture.code("tea");
        long id = catalog.create(ProductFixture.sku(code, "静岡 深蒸し煎茶"), "担当者");

        Product p = products.find(id).orElseThrow();
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.taxRate()).isEqualTo(8);
        assertThat(p.salePrice()).isEqualTo(1080);
        assertThat(p.shelfLocation()).isEqualTo("A-01");
        assertThat(catalog.entry(id).orElseThrow().janCode()).isEqualTo("4901234567894");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PRODUCT_ADDED' and target = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aProductAndItsListingAreReadColumnByColumnAsSpringsRecordMapperReadsThem() {
        String code = ProductFixture.code("mapped");
        long id = catalog.create(ProductFixture.sku(code, "冷凍 餃子"), "担当者");
        // every field away from its default, so that two columns read the wrong way round cannot agree
        jdbc.sql("update product set stock_managed = false, release_date = date '2027-01-15', preorder = true,"
                        + " made_to_order = false, temperature_zone = 'FROZEN', size_factor = 3,"
                        + " omit_from_delivery_note = true, active = false where id = ?")
                .param(id)
                .update();
        Product expected = jdbc.sql(Products.SELECT + " where id = ?")
                .param(id)
                .query(Product.class)
                .single();

        assertThat(products.find(id)).contains(expected);
        assertThat(products.byCode(code)).contains(expected);
        assertThat(products.findAll(List.of(id))).containsExactly(Map.entry(id, expected));
        assertThat(expected.releaseDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 15));
        assertThat(expected.temperatureZone()).isEqualTo("FROZEN");

        long shop = ProductFixture.shop(jdbc);
        listingEditing.add(new ListingEditing.Mapping(shop, "gyoza", "20個", code, 4), "担当者");
        Listings.Entry listed = jdbc.sql("select id, connection_id, item_code, variation, product_id, multiplier"
                        + " from listing where connection_id = ? and item_code = 'gyoza'")
                .param(shop)
                .query(Listings.Entry.class)
                .single();
        assertThat(listed.productId()).isEqualTo(id);
        assertThat(listed.multiplier()).isEqualTo(4);
        assertThat(listings.find(listed.id())).contains(listed);
        assertThat(listings.dependingOn(List.of(id))).contains(listed);
    }

    @Test
    void badFieldsAreRefusedEachWithItsJapaneseReasonAndNothingIsWritten() {
        ProductDraft bad = new ProductDraft(
                "bad code!",
                Product.Kind.SKU,
                "",
                null,
                null,
                "M",
                null,
                "12345",
                null,
                5,
                100_000_000L,
                -1L,
                true,
                java.time.LocalDate.of(1999, 1, 1),
                false,
                false,
                "HOT",
                1001,
                null,
                false,
                null,
                null,
                null,
                true);

        assertThatThrownBy(() -> catalog.create(bad, "担当者")).isInstanceOfSatisfying(ProductRefused.class, e -> {
            Map<String, String> byField = e.problems().stream()
                    .collect(java.util.stream.Collectors.toMap(Problem::field, Problem::message, (a, b) -> a));
            assertThat(byField)
                    .containsKeys(
                            "code",
                            "name",
                            "janCode",
                            "taxRate",
                            "salePrice",
                            "costPrice",
                            "temperatureZone",
                            "sizeFactor",
                            "releaseDate",
                            "variation1");
            assertThat(byField.get("code")).contains("半角英数字");
            assertThat(byField.get("salePrice")).contains("99,999,999");
            assertThat(byField.get("taxRate")).contains("10");
        });
        assertThat(jdbc.sql("select count(*) from product where name = ''")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCodeIsUniqueAcrossSkusAndSets() {
        String code = ProductFixture.code("dup");
        catalog.create(ProductFixture.sku(code, "先の商品"), "担当者");

        assertThatThrownBy(() -> catalog.create(ProductFixture.set(code, "同じコードのセット"), "担当者"))
                .isInstanceOfSatisfying(
                        ProductRefused.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::field, Problem::message)
                                .contains(
                                        org.assertj.core.groups.Tuple.tuple("code", "商品コード「" + code + "」は商品で使われています")));
    }

    @Test
    void theKindCannotChangeAfterRegistration() {
        String code = ProductFixture.code("kind");
        long id = catalog.create(ProductFixture.sku(code, "商品"), "担当者");

        assertThatThrownBy(() -> catalog.update(id, ProductFixture.set(code, "セットに"), "担当者"))
                .isInstanceOfSatisfying(
                        ProductRefused.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("kind"));
    }

    @Test
    void aSetCannotContainASetNorItselfNorAnUnknownCode() {
        String inner = ProductFixture.code("inner");
        long innerId = catalog.create(ProductFixture.set(inner, "中のセット"), "担当者");
        String sku = ProductFixture.code("sku");
        catalog.create(ProductFixture.sku(sku, "単品"), "担当者");
        sets.replace(innerId, List.of(new SetComponents.Line(sku, 1)), "担当者");
        String outer = ProductFixture.code("outer");
        long outerId = catalog.create(ProductFixture.set(outer, "外のセット"), "担当者");

        assertThatThrownBy(() -> sets.replace(
                        outerId,
                        List.of(
                                new SetComponents.Line(inner, 1),
                                new SetComponents.Line(outer, 1),
                                new SetComponents.Line("no-such-sku", 1),
                                new SetComponents.Line(sku, 0)),
                        "担当者"))
                .isInstanceOfSatisfying(
                        ProductRefused.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::message)
                                .anySatisfy(m -> assertThat(m).contains("セット商品の中にセット商品は入れられません"))
                                .anySatisfy(m -> assertThat(m).contains("自身は構成商品にできません"))
                                .anySatisfy(m ->
                                        assertThat(m).contains("no-such-sku").contains("登録されていません"))
                                .anySatisfy(m -> assertThat(m).contains("数量は 1〜9999")));
        assertThat(products.components(outerId)).isEmpty();
    }

    @Test
    void aListedSetResolvesToItsComponentsTimesTheMultiplierAndFollowsLaterEdits() {
        String a = ProductFixture.code("a");
        String b = ProductFixture.code("b");
        long aId = catalog.create(ProductFixture.sku(a, "A"), "担当者");
        long bId = catalog.create(ProductFixture.sku(b, "B"), "担当者");
        String set = ProductFixture.code("set");
        long setId = catalog.create(ProductFixture.set(set, "詰め合わせ"), "担当者");
        sets.replace(setId, List.of(new SetComponents.Line(a, 2), new SetComponents.Line(b, 1)), "担当者");
        long shop = ProductFixture.shop(jdbc);
        listingEditing.add(new ListingEditing.Mapping(shop, "gift-box", "", set, 3), "担当者");

        assertThat(listings.resolve(shop, "gift-box", null).orElseThrow())
                .containsExactlyInAnyOrder(new Products.Component(aId, a, 6), new Products.Component(bId, b, 3));

        sets.replace(setId, List.of(new SetComponents.Line(a, 1)), "担当者");
        assertThat(listings.resolve(shop, "gift-box", "").orElseThrow())
                .containsExactly(new Products.Component(aId, a, 3));
        assertThat(listings.resolve(shop, "unknown-item", "")).isEmpty();
    }

    @Test
    void aPagesItemsResolvedAtOnceGetEachItsOwnSkusSetsAndUnmappedAlike() {
        String a = ProductFixture.code("a");
        String b = ProductFixture.code("b");
        long aId = catalog.create(ProductFixture.sku(a, "A"), "担当者");
        long bId = catalog.create(ProductFixture.sku(b, "B"), "担当者");
        String set = ProductFixture.code("set");
        long setId = catalog.create(ProductFixture.set(set, "詰め合わせ"), "担当者");
        sets.replace(setId, List.of(new SetComponents.Line(a, 2), new SetComponents.Line(b, 1)), "担当者");
        long shop = ProductFixture.shop(jdbc);
        listingEditing.add(new ListingEditing.Mapping(shop, "tea", "", a, 1), "担当者");
        listingEditing.add(new ListingEditing.Mapping(shop, "tea", "大", a, 2), "担当者");
        listingEditing.add(new ListingEditing.Mapping(shop, "gift-box", "", set, 3), "担当者");
        long manual = connections.ownChannel(Mall.MANUAL).id();

        Map<Listings.ItemKey, java.util.Optional<List<Products.Component>>> page = listings.resolveAll(
                shop,
                List.of(
                        new Listings.ItemKey("tea", null),
                        new Listings.ItemKey("tea", " 大 "),
                        new Listings.ItemKey("tea", "小"),
                        new Listings.ItemKey("gift-box", ""),
                        new Listings.ItemKey(b, ""),
                        new Listings.ItemKey("tea", "")));

        assertThat(page).hasSize(5);
        assertThat(page.get(new Listings.ItemKey("tea", ""))).contains(List.of(new Products.Component(aId, a, 1)));
        assertThat(page.get(new Listings.ItemKey("tea", "大"))).contains(List.of(new Products.Component(aId, a, 2)));
        assertThat(page.get(new Listings.ItemKey("tea", "小"))).isEmpty();
        assertThat(page.get(new Listings.ItemKey("gift-box", "")).orElseThrow())
                .containsExactly(new Products.Component(aId, a, 6), new Products.Component(bId, b, 3));
        assertThat(page.get(new Listings.ItemKey(b, "")))
                .as("a shop's item code that is a product's code is not that product")
                .isEmpty();
        assertThat(listings.resolveAll(manual, List.of(new Listings.ItemKey(b, ""), new Listings.ItemKey(set, ""))))
                .containsEntry(
                        new Listings.ItemKey(b, ""), java.util.Optional.of(List.of(new Products.Component(bId, b, 1))))
                .containsEntry(
                        new Listings.ItemKey(set, ""),
                        java.util.Optional.of(
                                List.of(new Products.Component(aId, a, 2), new Products.Component(bId, b, 1))));
    }

    @Test
    void anOwnChannelsItemCodeThatIsAProductCodeIsThatProduct() {
        String code = ProductFixture.code("own");
        long id = catalog.create(ProductFixture.sku(code, "自社"), "担当者");
        long manual = connections.ownChannel(Mall.MANUAL).id();
        long shop = ProductFixture.shop(jdbc);

        assertThat(listings.resolve(manual, code, "")).contains(List.of(new Products.Component(id, code, 1)));
        assertThat(listings.resolve(shop, code, "")).isEmpty();
        assertThat(listings.unmapped(shop, List.of(new Listings.ItemKey(code, ""))))
                .hasSize(1);
        assertThat(listings.unmapped(manual, List.of(new Listings.ItemKey(code, ""))))
                .isEmpty();
    }

    @Test
    void aMappingToAnUnknownProductOrWithABadMultiplierIsRefused() {
        long shop = ProductFixture.shop(jdbc);

        assertThatThrownBy(() ->
                        listingEditing.add(new ListingEditing.Mapping(shop, "item", "", "no-such-code", 0), "担当者"))
                .isInstanceOfSatisfying(
                        ProductRefused.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::field)
                                .containsExactlyInAnyOrder("productCode", "multiplier"));
        assertThat(jdbc.sql("select count(*) from listing where connection_id = ?")
                        .param(shop)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
