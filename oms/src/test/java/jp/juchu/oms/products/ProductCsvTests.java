package jp.juchu.oms.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.ProductCatalog;
import jp.juchu.oms.products.internal.ProductCsv;
import jp.juchu.oms.products.internal.ProductCsvExport;
import jp.juchu.oms.products.internal.SetComponents;
import jp.juchu.oms.system.JapaneseCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The product, set and listing CSV files: checked whole, written all or nothing, read back as exported. */
@SpringBootTest
class ProductCsvTests {

    @Autowired
    ProductCsv csv;

    @Autowired
    ProductCsvExport export;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    SetComponents sets;

    @Autowired
    ListingEditing listings;

    @Autowired
    Products products;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void japanese() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
    }

    static ByteArrayResource utf8(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }

    long count(String codeLike) {
        return jdbc.sql("select count(*) from product where code like ?")
                .param(codeLike)
                .query(Long.class)
                .single();
    }

    @Test
    void aFileWithOneBadLineWritesNothingAndNamesEachLineColumnAndReason() {
        String p = ProductFixture.code("csv");
        String file = "商品コード,商品名,販売価格,税率,温度帯,発売日\n"
                + p + "-1,煎茶,1080,8,常温,2026/12/01\n"
                + p + "-2,,abc,5,熱い,2026/13/01\n"
                + p + "-1,重複,100,10,冷凍,\n";

        ProductCsv.Result result = csv.importFile(ProductCsv.Kind.PRODUCTS, "p.csv", utf8(file), "担当者");

        assertThat(result.ok()).isFalse();
        assertThat(result.errors())
                .contains(
                        "3行目: 販売価格: 数ではありません: abc",
                        "3行目: 温度帯: 「常温」「冷蔵」「冷凍」のいずれかを入力してください: 熱い",
                        "3行目: 発売日: 日付は yyyy/MM/dd で入力してください: 2026/13/01",
                        "4行目: 商品コード: 「" + p + "-1」が 2行目にもあります");
        assertThat(count(p + "%")).isZero();

        String fixed = "商品コード,商品名,販売価格,税率\n" + p + "-2,,100,5\n";
        assertThat(csv.importFile(ProductCsv.Kind.PRODUCTS, "p.csv", utf8(fixed), "担当者")
                        .errors())
                .containsExactlyInAnyOrder("2行目: 商品名: 商品名を入力してください", "2行目: 税率: 税率は 10 (標準)・8 (軽減)・0 (非課税) のいずれかです");
    }

    @Test
    void aValidFileAddsAndUpdatesAndColumnsLeftOutKeepTheirValues() {
        String p = ProductFixture.code("csv");
        catalog.create(ProductFixture.sku(p + "-old", "旧名"), "担当者");
        String file = "商品コード,種別,商品名,販売価格\n" + p + "-old,商品,新名,2000\n" + p + "-new,セット,新セット,3000\n";

        ProductCsv.Result result = csv.importFile(ProductCsv.Kind.PRODUCTS, "p.csv", utf8(file), "担当者");

        assertThat(result.errors()).isEmpty();
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.changed()).isEqualTo(1);
        var old = catalog.entry(p + "-old").orElseThrow();
        assertThat(old.name()).isEqualTo("新名");
        assertThat(old.salePrice()).isEqualTo(2000);
        assertThat(old.shelfLocation()).isEqualTo("A-01");
        assertThat(catalog.entry(p + "-new").orElseThrow().kind()).isEqualTo(Product.Kind.SET);
    }

    @Test
    void aShiftJisFileIsReadAndTheExportReadsBackUnchanged() {
        String p = ProductFixture.code("sjis");
        String file = "商品コード,商品名,販売価格,自由項目1\n" + p + ",髙島屋の① 羊羹,1296,=SUM(A1)\n";

        assertThat(csv.importFile(
                                ProductCsv.Kind.PRODUCTS,
                                "s.csv",
                                new ByteArrayResource(file.getBytes(JapaneseCsv.WINDOWS_31J)),
                                "担当者")
                        .errors())
                .isEmpty();
        assertThat(catalog.entry(p).orElseThrow().name()).isEqualTo("髙島屋の① 羊羹");

        StringWriter out = new StringWriter();
        export.export(ProductCsv.Kind.PRODUCTS, out);
        String line = out.toString()
                .lines()
                .filter(l -> l.startsWith(p + ","))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains("'=SUM(A1)");
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .isEqualTo(String.join(",", ProductCsv.Kind.PRODUCTS.columns()));
    }

    @Test
    void setComponentsAreCheckedWholeAndANestedSetRefusesTheFile() {
        String p = ProductFixture.code("sets");
        catalog.create(ProductFixture.sku(p + "-a", "A"), "担当者");
        long setId = catalog.create(ProductFixture.set(p + "-set", "セット"), "担当者");
        catalog.create(ProductFixture.set(p + "-other", "別のセット"), "担当者");
        String bad = "セット商品コード,構成商品コード,数量\n" + p + "-set," + p + "-a,2\n" + p + "-set," + p + "-other,1\n";

        ProductCsv.Result refused = csv.importFile(ProductCsv.Kind.SETS, "s.csv", utf8(bad), "担当者");

        assertThat(refused.errors())
                .singleElement()
                .asString()
                .startsWith("2行目: 構成商品コード:")
                .contains("セット商品の中にセット商品は入れられません");
        assertThat(products.components(setId)).isEmpty();

        String good = "セット商品コード,構成商品コード,数量\n" + p + "-set," + p + "-a,2\n";
        assertThat(csv.importFile(ProductCsv.Kind.SETS, "s.csv", utf8(good), "担当者")
                        .errors())
                .isEmpty();
        assertThat(products.components(setId))
                .extracting(Products.Component::quantity)
                .containsExactly(2);
    }

    @Test
    void listingLinesAreCheckedAgainstShopsAndProducts() {
        String p = ProductFixture.code("lst");
        catalog.create(ProductFixture.sku(p, "A"), "担当者");
        long shop = ProductFixture.shop(jdbc);
        String file = "接続ID,ショップ商品コード,バリエーション,商品コード,倍率\n"
                + shop + ",item-1,," + p + ",2\n"
                + "999999,item-2,," + p + ",1\n"
                + shop + ",item-3,赤,no-such,0\n";

        ProductCsv.Result result = csv.importFile(ProductCsv.Kind.LISTINGS, "l.csv", utf8(file), "担当者");

        assertThat(result.errors())
                .containsExactly(
                        "3行目: 接続ID: ショップ (接続ID 999999) がありません",
                        "4行目: 商品コード: 商品コード「no-such」は登録されていません",
                        "4行目: 倍率: 倍率は 1〜9999 で入力してください");
        assertThat(listings.listings(shop, null, 10)).isEmpty();

        String good = "接続ID,ショップ商品コード,バリエーション,商品コード,倍率\n" + shop + ",item-1,," + p + ",2\n";
        assertThat(csv.importFile(ProductCsv.Kind.LISTINGS, "l.csv", utf8(good), "担当者")
                        .added())
                .isEqualTo(1);
        assertThat(listings.listings(shop, null, 10))
                .extracting(ListingEditing.ListingRow::multiplier)
                .containsExactly(2);
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrNotCsvIsRefusedInJapanese() {
        assertThatThrownBy(() -> csv.importFile(ProductCsv.Kind.PRODUCTS, "x.csv", utf8("code,name\na,b\n"), "担当者"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("1行目: 見出しに列「商品コード」「商品名」がありません");
        assertThatThrownBy(() -> csv.importFile(ProductCsv.Kind.SETS, "x.csv", utf8(""), "担当者"))
                .hasMessageContaining("ファイルが空です");
        assertThatThrownBy(() -> csv.importFile(ProductCsv.Kind.PRODUCTS, "x.csv", utf8("商品コード,商品名\n\"a,b\n"), "担当者"))
                .hasMessageContaining("CSVとして読めません");
    }

    @Test
    void moreLinesThanTheLimitAreRefusedBeforeAnythingIsChecked() {
        StringBuilder file = new StringBuilder("商品コード,商品名\n");
        for (int i = 0; i <= ProductCsv.MAX_LINES; i++) {
            file.append("c").append(i).append(",n\n");
        }
        assertThatThrownBy(() -> csv.importFile(ProductCsv.Kind.PRODUCTS, "big.csv", utf8(file.toString()), "担当者"))
                .hasMessageContaining("1ファイル 20000 行まで");
    }

    @Test
    void controlCharactersAndLineBreaksInTextCellsAreRefusedByLine() {
        String p = ProductFixture.code("ctl");
        String file = "商品コード,商品名,棚番\n" + p + "-1,\"二行の\n名前\",A\n" + p + "-2,名前,B\u0000\n";

        ProductCsv.Result result = csv.importFile(ProductCsv.Kind.PRODUCTS, "c.csv", utf8(file), "担当者");

        assertThat(result.errors())
                // lines are counted as a spreadsheet counts rows: a cell with a line break stays one row
                .containsExactly("2行目: 商品名: 改行や制御文字は使えません", "3行目: 棚番: 改行や制御文字は使えません");
        assertThat(count(p + "%")).isZero();
    }

    @Test
    void aNulInACodeOfTheSetOrListingFileIsRefusedByLineBeforeAnyLookUp() {
        String p = ProductFixture.code("nul");
        catalog.create(ProductFixture.sku(p, "A"), "担当者");
        long shop = ProductFixture.shop(jdbc);

        ProductCsv.Result sets =
                csv.importFile(ProductCsv.Kind.SETS, "s.csv", utf8("セット商品コード,構成商品コード,数量\nS\u0000,C\u0000,1\n"), "担当者");
        ProductCsv.Result listed = csv.importFile(
                ProductCsv.Kind.LISTINGS,
                "l.csv",
                utf8("接続ID,ショップ商品コード,バリエーション,商品コード,倍率\n" + shop + ",i\u0000,赤\u0000," + p + ",1\n"),
                "担当者");

        assertThat(sets.errors()).containsExactly("2行目: セット商品コード: 改行や制御文字は使えません", "2行目: 構成商品コード: 改行や制御文字は使えません");
        assertThat(listed.errors()).containsExactly("2行目: ショップ商品コード: 改行や制御文字は使えません", "2行目: バリエーション: 改行や制御文字は使えません");
        assertThat(listings.listings(shop, null, 10)).isEmpty();
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
