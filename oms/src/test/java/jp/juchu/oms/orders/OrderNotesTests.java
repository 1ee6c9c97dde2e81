package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tags, internal memo and alert: many orders' changes at once, under the same bounds as one order's. */
@SpringBootTest
class OrderNotesTests {

    private static final long SHOP = 7181;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    private long order() {
        return SampleOrders.apply(
                orders,
                jdbc,
                SHOP,
                SampleOrders.order(
                        "note" + System.nanoTime(), OffsetDateTime.now(), "メモ 太郎", "CreditCard", "Paid", "t", 1000));
    }

    private long version(long id) {
        return jdbc.sql("select version from oms_order where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** The order's history rows of these kinds, oldest first, as "kind|actor|summary". */
    private List<String> history(long id) {
        return jdbc.sql("select kind || '|' || actor || '|' || summary from order_history where order_id = ?"
                        + " and kind in ('TAGS', 'MEMO', 'ALERT') order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private static List<String> twenty() {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toList();
    }

    @Test
    void manyOrdersChangesApplyEachInItsOrderWithOneBoundsForAll() {
        long plain = order();
        long full = order();
        long longMemo = order();
        orders.changeTags(full, twenty(), List.of(), "準備");
        jdbc.sql("update oms_order set memo = ? where id = ?")
                .params("あ".repeat(1990), longMemo)
                .update();
        long plainVersion = version(plain);
        long fullVersion = version(full);
        long missing = Long.MAX_VALUE;

        List<NoteChange.Result> results = orders.changeNotes(List.of(
                new NoteChange.Tags(plain, List.of(" 取込 ", "ギフト"), List.of(), "ルールA"),
                new NoteChange.Tags(full, List.of("21個目"), List.of(), "ルールA"),
                new NoteChange.Memo(plain, "一行目", "ルールB"),
                new NoteChange.Tags(full, List.of(), List.of("t1"), "ルールC"),
                new NoteChange.Tags(full, List.of("21個目"), List.of(), "ルールC"),
                new NoteChange.Tags(plain, List.of("あ".repeat(31)), List.of(), "ルールD"),
                new NoteChange.Tags(plain, List.of("  "), List.of(), "ルールD"),
                new NoteChange.Memo(longMemo, "十文字を超える追記です", "ルールE"),
                new NoteChange.Memo(longMemo, "八文字の追記です", "ルールE"),
                new NoteChange.Alert(plain, "確認1", "ルールF"),
                new NoteChange.Memo(plain, "二".repeat(1200), "ルールB"),
                new NoteChange.Alert(plain, "確認2", "ルールF"),
                new NoteChange.Alert(missing, "ない", "ルールF")));

        assertThat(results)
                .extracting(NoteChange.Result::refusal)
                .containsExactly(
                        null,
                        NoteChange.Refusal.TOO_MANY_TAGS,
                        null,
                        null,
                        null,
                        NoteChange.Refusal.TAG_TOO_LONG,
                        NoteChange.Refusal.BLANK_TAG,
                        NoteChange.Refusal.MEMO_FULL,
                        null,
                        null,
                        null,
                        null,
                        NoteChange.Refusal.NO_ORDER);
        assertThat(orders.tags(List.of(plain)).get(plain)).containsExactly("ギフト", "取込");
        assertThat(orders.tags(List.of(full)).get(full))
                .hasSize(20)
                .contains("21個目")
                .doesNotContain("t1");
        OrderDetail after = orders.detail(plain).orElseThrow();
        assertThat(after.memo()).isEqualTo("一行目\n" + "二".repeat(1000));
        assertThat(after.alert()).isEqualTo("確認1\n確認2");
        assertThat(orders.detail(longMemo).orElseThrow().memo()).isEqualTo("あ".repeat(1990) + "\n八文字の追記です");
        assertThat(version(plain)).as("one version per change made").isEqualTo(plainVersion + 5);
        assertThat(version(full)).isEqualTo(fullVersion + 2);
        assertThat(history(plain))
                .containsExactly(
                        "TAGS|ルールA|タグ: +取込 +ギフト",
                        "MEMO|ルールB|社内メモに追記: 一行目",
                        "ALERT|ルールF|確認1",
                        "MEMO|ルールB|社内メモに追記: " + "二".repeat(1000),
                        "ALERT|ルールF|確認2");
        assertThat(history(full)).endsWith("TAGS|ルールC|タグ: -t1", "TAGS|ルールC|タグ: +21個目");
    }

    @Test
    void theSingleOrderMethodsKeepTheirBoundsAndAnswers() {
        long order = order();
        orders.changeTags(order, twenty(), List.of(), "テスト");

        assertThatThrownBy(() -> orders.changeTags(order, List.of("21個目"), List.of(), "テスト"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("タグは1件の受注に20個までです");
        assertThatThrownBy(() -> orders.changeTags(order, List.of("x".repeat(31)), List.of(), "テスト"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("タグは30文字までです");
        orders.changeTags(order, List.of(), List.of("t1"), "テスト");
        assertThatThrownBy(() -> orders.changeTags(order, List.of("a", "b"), List.of("t2"), "テスト"))
                .as("the bound counts the tags before the removals, as it always did")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(orders.tags(List.of(order)).get(order)).hasSize(19).contains("t2");

        assertThat(orders.appendMemo(order, "x".repeat(1500), "テスト"))
                .as("cut to 1000")
                .isTrue();
        assertThat(orders.appendMemo(order, "y".repeat(1000), "テスト")).isFalse();
        assertThat(orders.appendMemo(Long.MAX_VALUE, "x", "テスト")).isFalse();

        assertThat(orders.raiseAlert(order, "一つ目", "テスト")).isTrue();
        orders.raiseAlerts(Map.of(order, "二つ目", Long.MAX_VALUE, "ない"), "まとめて");
        assertThat(orders.raiseAlert(Long.MAX_VALUE, "ない", "テスト")).isFalse();
        assertThat(orders.detail(order).orElseThrow().alert()).isEqualTo("一つ目\n二つ目");
        assertThat(history(order)).endsWith("MEMO|テスト|社内メモに追記: " + "x".repeat(1000), "ALERT|テスト|一つ目", "ALERT|まとめて|二つ目");
    }
}
