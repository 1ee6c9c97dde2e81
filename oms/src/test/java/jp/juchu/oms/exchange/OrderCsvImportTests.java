package jp.juchu.oms.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.exchange.OrderCsvImports.Field;
import jp.juchu.oms.exchange.OrderCsvImports.Template;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class OrderCsvImportTests {

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final String HEADER = "受注番号,受注日時,購入者名,購入者電話番号,購入者郵便番号,購入者都道府県,購入者住所,支払方法,商品コード,商品名,単価,数量,税率,送料";

    @Autowired
    OrderCsvImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MallConnections channels;

    private Template standard() {
        return imports.templates().stream()
                .filter(t -> t.name().equals("標準"))
                .findFirst()
                .orElseThrow();
    }

    private long csvOrders() {
        return jdbc.sql("select count(*) from oms_order where connection_id = ?")
                .param(channels.ownChannel(Mall.CSV).id())
                .query(Long.class)
                .single();
    }

    @Test
    void aShiftJisFileBecomesOrdersOneLinePerItemAndImportingItAgainAddsNothing() {
        String p = "TEL" + FILES.incrementAndGet() + "-";
        String file = String.join(
                        "\r\n",
                        HEADER,
                        p
                                + "1,2026/11/20 10:30,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区神宮前1-2-3,代金引換,tea-1,静岡煎茶,1080,2,8,800",
                        p
                                + "1,2026/11/20 10:30,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区神宮前1-2-3,代金引換,cup-1,湯呑み,2750,1,10,800",
                        p + "2,2026-11-21 09:00,佐藤 花子,06-1234-5678,530-0001,大阪府,大阪市北区梅田2-4-9,銀行振込,tea-2,玉露,2160,1,8,0")
                + "\r\n";

        OrderCsvImports.Result first = imports.importFile(standard(), "phone.csv", file.getBytes(SJIS), "担当");
        OrderCsvImports.Result again = imports.importFile(standard(), "phone.csv", file.getBytes(SJIS), "担当");

        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(2);
        assertThat(again.created()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(2);
        Map<String, Object> order = jdbc.sql(
                        "select total, payment_method, items_total, connection_id from oms_order where serial_code = ?")
                .param("csv:" + p + "1")
                .query()
                .singleRow();
        assertThat(order)
                .containsEntry("total", 5710L)
                .containsEntry("payment_method", "CashOnDelivery")
                .containsEntry("connection_id", channels.ownChannel(Mall.CSV).id());
    }

    @Test
    void everyProblemIsListedByLineAndColumnAndNothingIsImported() {
        String p = "BAD" + FILES.incrementAndGet() + "-";
        long before = csvOrders();
        String file = "\uFEFF"
                + String.join(
                        "\r\n",
                        HEADER,
                        p + "1,2026/11/20 10:30,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区,銀行振込,tea-1,煎茶,1080,2,8,0",
                        p + "2,昨日,山田 太郎,電話なし,150-01,東京,渋谷区,現金,tea-1,,-5,0,5,0");

        OrderCsvImports.Result result =
                imports.importFile(standard(), "bad.csv", file.getBytes(StandardCharsets.UTF_8), "担当");

        assertThat(result.imported()).isFalse();
        assertThat(result.errors())
                .anyMatch(e -> e.startsWith("3行目 [受注日時]"))
                .anyMatch(e -> e.startsWith("3行目 [購入者電話番号]"))
                .anyMatch(e -> e.startsWith("3行目 [購入者郵便番号]"))
                .anyMatch(e -> e.startsWith("3行目 [購入者都道府県]"))
                .anyMatch(e -> e.startsWith("3行目 [支払方法]"))
                .anyMatch(e -> e.startsWith("3行目 [商品名]: 必須"))
                .anyMatch(e -> e.startsWith("3行目 [単価]"))
                .anyMatch(e -> e.startsWith("3行目 [数量]"))
                .anyMatch(e -> e.startsWith("3行目 [税率]"))
                .noneMatch(e -> e.startsWith("2行目"));
        assertThat(csvOrders()).isEqualTo(before);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingIt() {
        String file = "受注番号,購入者名\r\nX-1,山田\r\n";

        OrderCsvImports.Result result = imports.importFile(standard(), "x.csv", file.getBytes(SJIS), "担当");

        assertThat(result.errors()).anyMatch(e -> e.contains("1行目: 列「受注日時」"));
    }

    @Test
    void aTemplateMapsTheMallsOwnColumnNames() {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            columns.put(f, f.required() ? f.header() : null);
        }
        columns.put(Field.ORDER_NUMBER, "注文番号");
        long id = imports.save(null, "モールA " + FILES.incrementAndGet(), columns);
        String p = "MALL" + FILES.get() + "-";
        String file = "注文番号,受注日時,購入者名,購入者電話番号,購入者郵便番号,購入者都道府県,購入者住所,支払方法,商品コード,商品名,単価,数量\r\n" + p
                + "1,2026/11/22 12:00,鈴木 一郎,052-123-4567,460-0008,愛知県,名古屋市中区栄3-5-12,クレジットカード,tea-3,ほうじ茶,864,3\r\n";

        OrderCsvImports.Result result = imports.importFile(imports.template(id), "a.csv", file.getBytes(SJIS), "担当");

        assertThat(result.created()).isEqualTo(1);
        assertThatThrownBy(() -> imports.save(null, "欠け", Map.of(Field.ORDER_NUMBER, "番号")))
                .hasMessageContaining("必須項目");
    }

    @Test
    void lineBreaksInNamesAndAddressesAndLaterLinesThatDisagreeAreRefusedByLine() {
        String p = "ISSUE14-" + FILES.incrementAndGet() + "-";
        long before = csvOrders();
        String file = String.join(
                        "\r\n",
                        HEADER,
                        p
                                + "1,2026/11/20 10:30,\"山田\n太郎\",03-1234-5678,150-0001,東京都,\"渋谷区\r\n神宮前\",銀行振込,tea-1,煎茶,1080,1,8,0",
                        p + "2,2026/11/20 10:30,佐藤 花子,06-1234-5678,530-0001,大阪府,大阪市北区,銀行振込,tea-1,煎茶,1080,1,8,0",
                        p + "2,2026/11/20 10:30,佐藤 次郎,06-1234-5678,530-0001,大阪府,大阪市北区,代金引換,tea-2,玉露,2160,1,8,0",
                        p + "3,2026/11/20 10:30," + "長".repeat(201)
                                + ",06-1234-5678,530-0001,大阪府,大阪市北区,銀行振込,tea-1,煎茶,1080,1,8,0",
                        p
                                + "4,1999/12/31 23:59,佐藤 花子,06-1234-5678,530-0001,大阪府,大阪市北区,銀行振込,tea-1,煎茶,1000000000000,1,8,0")
                + "\r\n";

        OrderCsvImports.Result result =
                imports.importFile(standard(), "issue14.csv", file.getBytes(StandardCharsets.UTF_8), "取込 担当");

        assertThat(result.imported()).isFalse();
        assertThat(result.errors())
                .contains("2行目 [購入者名]: 改行や制御文字は使えません")
                .contains("2行目 [購入者住所]: 改行や制御文字は使えません")
                .contains("4行目 [購入者名]: 同じ受注番号「" + p + "2」の最初の行 (3行目) と違います")
                .contains("4行目 [支払方法]: 同じ受注番号「" + p + "2」の最初の行 (3行目) と違います")
                .contains("5行目 [購入者名]: 200文字以内で入力してください (201文字)")
                .anyMatch(e -> e.startsWith("6行目 [受注日時]: 受注日時は2000/01/01から明日まで"))
                .anyMatch(e -> e.startsWith("6行目 [単価]: 0〜99999999 の数で"));
        assertThat(csvOrders()).isEqualTo(before);
    }

    @Test
    void whoUploadedAFileIsInTheAuditLogWhetherItWasImportedOrNot() {
        String p = "AUDIT" + FILES.incrementAndGet() + "-";
        String good = HEADER + "\r\n" + p
                + "1,2026/11/20 10:30,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区,銀行振込,tea-1,煎茶,1080,1,8,0\r\n";
        String bad = HEADER + "\r\n" + p + "2,昨日,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区,銀行振込,tea-1,煎茶,1080,1,8,0\r\n";

        imports.importFile(standard(), p + "good.csv", good.getBytes(SJIS), "監査 一郎");
        imports.importFile(standard(), p + "bad.csv", bad.getBytes(SJIS), "監査 二郎");

        assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where target like ? order by id")
                        .param("csv:" + p + "%")
                        .query(String.class)
                        .list())
                .containsExactly("監査 一郎 CSV_IMPORTED", "監査 二郎 CSV_IMPORT_REFUSED");
    }

    @Test
    void aFileThatIsNotCsvGetsAJapaneseSentenceWithItsLineNotTheParsersText() {
        String file = HEADER + "\r\nX-1,\"2026/11/20 10:30\"x,山田\r\n";

        assertThatThrownBy(() -> imports.importFile(standard(), "broken.csv", file.getBytes(SJIS), "担当"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2行目付近: CSVとして読めません")
                .hasMessageNotContaining("CSVException")
                .hasMessageNotContaining("invalid char");
    }
}
