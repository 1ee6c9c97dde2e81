package jp.juchu.oms.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class StockLedgerTests {

    @Autowired
    StockLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Heard heard;

    long sku(String code) {
        return jdbc.sql("insert into product (code, name) values (?, ?) returning id")
                .params(code, "テスト商品 " + code)
                .query(Long.class)
                .single();
    }

    @Test
    void totalsAreTheSumsOfTheLedgerRowsBooked() {
        long sku = sku("L" + System.nanoTime());
        ledger.book(List.of(
                new StockMovement(sku, "ADJUST", 10, 0, null, null, "初期在庫", "担当者"),
                new StockMovement(sku, "ALLOCATE", 0, 3, 42L, null, null, "引当")));
        ledger.book(List.of(new StockMovement(sku, "SHIP", -2, -2, 42L, null, null, "出荷")));

        StockLevel level = ledger.level(sku).orElseThrow();
        assertThat(level.onHand()).isEqualTo(8);
        assertThat(level.allocated()).isEqualTo(1);
        assertThat(level.free()).isEqualTo(7);
        assertThat(jdbc.sql("select sum(on_hand_change), sum(allocated_change) from stock_ledger where product_id = ?")
                        .param(sku)
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                        .single())
                .containsExactly(8, 1);
    }

    @Test
    void onlyMovementsThatChangeFreeStockAreAnnounced() {
        long sku = sku("F" + System.nanoTime());
        heard.events.clear();
        ledger.book(List.of(new StockMovement(sku, "ADJUST", 5, 0, null, null, "初期在庫", "担当者")));
        ledger.book(List.of(new StockMovement(sku, "ALLOCATE", 0, 1, null, null, null, "引当")));
        ledger.book(List.of(new StockMovement(sku, "SHIP", -1, -1, null, null, null, "出荷")));

        assertThat(heard.events).extracting(FreeStockChanged::productIds).hasSize(2);
    }

    @Test
    void aMovementTheTotalsRefuseBooksNothing() {
        long sku = sku("R" + System.nanoTime());
        assertThatThrownBy(() -> ledger.book(List.of(
                        new StockMovement(sku, "ADJUST", 5, 0, null, null, "初期在庫", "担当者"),
                        new StockMovement(sku, "RELEASE", 0, -1, null, null, null, "引当解除"))))
                .isNotNull();

        assertThat(ledger.level(sku)).isEmpty();
        assertThat(jdbc.sql("select count(*) from stock_ledger where product_id = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static class Heard {
        final List<FreeStockChanged> events = new ArrayList<>();

        @EventListener
        void on(FreeStockChanged event) {
            events.add(event);
        }
    }
}
