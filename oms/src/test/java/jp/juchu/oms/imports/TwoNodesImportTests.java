package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.juchu.oms.OmsApplication;
import jp.juchu.oms.malls.ConnectionSetup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two OMS nodes on one database, both importing the same shop at once. */
class TwoNodesImportTests {

    @Test
    void twoNodesImportingTheSameShopAtOnceNeverImportAnOrderTwice() throws Exception {
        try (FakeShop shop = new FakeShop("twonodes");
                ConfigurableApplicationContext first = node();
                ConfigurableApplicationContext second = node()) {
            for (int i = 0; i < 60; i++) {
                shop.place("n-" + i, FakeShop.now().minusMinutes(60 - i), 1 + i % 2);
            }
            long connectionId = first.getBean(ConnectionSetup.class)
                    .verifyAndSave(null, OrderImportTests.settings(shop))
                    .connection()
                    .id();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<OrderImport.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? first : second;
                runs.add(() -> node.getBean(OrderImport.class).run(connectionId, ImportTrigger.MANUAL));
            }
            List<OrderImport.Outcome> outcomes = new ArrayList<>();
            for (Future<OrderImport.Outcome> outcome : pool.invokeAll(runs)) {
                outcomes.add(outcome.get());
            }
            pool.shutdown();
            // whatever ran in parallel, a last run on each node finds nothing new
            first.getBean(OrderImport.class).run(connectionId, ImportTrigger.MANUAL);
            second.getBean(OrderImport.class).run(connectionId, ImportTrigger.MANUAL);

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(outcomes).contains(OrderImport.Outcome.SUCCEEDED);
            assertThat(jdbc.sql("select count(*) from oms_order where connection_id = ?")
                            .param(connectionId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(60);
            assertThat(jdbc.sql(
                                    "select count(*) from shipment s join oms_order o on o.id = s.order_id where o.connection_id = ?")
                            .param(connectionId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(90);
            assertThat(jdbc.sql("select count(*) from order_history h join oms_order o on o.id = h.order_id "
                                    + "where o.connection_id = ? and h.kind = 'IMPORTED'")
                            .param(connectionId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(60);
        }
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(OmsApplication.class)
                .run(
                        "--server.port=0",
                        "--oms.imports.page-size=10",
                        "--oms.imports.orders-per-commit=10",
                        "--spring.jmx.enabled=false");
    }
}
