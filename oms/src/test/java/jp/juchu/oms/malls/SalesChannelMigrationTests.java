package jp.juchu.oms.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V120 on a database that has orders from before the own channels: those kept under the sentinel connection id 0
 * move to 受注登録 or データ取込 with their customer links and write-backs, and a shop's orders stay where they are.
 */
@SpringBootTest
class SalesChannelMigrationTests {

    @Autowired
    DataSource app;

    @Test
    void ordersUnderTheOldSentinelIdMoveToTheOwnChannelsWithTheirLinks() throws SQLException {
        String name = "v120_" + Math.abs(ThreadLocalRandom.current().nextInt());
        JdbcClient.create(app).sql("create database " + name).update();
        try {
            String url;
            try (var connection = app.getConnection()) {
                url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            }
            DataSource old = new DriverManagerDataSource(url, "postgres", "");
            Flyway.configure().dataSource(old).target("72").load().migrate();
            JdbcClient jdbc = JdbcClient.create(old);
            long shop = jdbc.sql("""
                            insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc, open_key_hint,
                                manager_key_hint, management_url, item_url)
                            values ('SHOP_SERVE', 'shop1', 'x', 'y', 'x', 'y', 'http://m', 'http://i') returning id
                            """).query(Long.class).single();
            order(jdbc, 1, 0, "manual:M20261201-1");
            order(jdbc, 2, 0, "csv:TEL-1");
            order(jdbc, 3, shop, "S-1");
            long customer = jdbc.sql("insert into customer (name, name_key) values ('電話 注文子', '電話注文子') returning id")
                    .query(Long.class)
                    .single();
            for (long id = 1; id <= 3; id++) {
                jdbc.sql("""
                                insert into customer_order (order_id, customer_id, connection_id, order_number, ordered_at,
                                    total)
                                values (?, ?, ?, 'n', now(), 1000)
                                """).params(id, customer, id == 3 ? shop : 0).update();
            }
            jdbc.sql("""
                            insert into write_back (order_id, delivery_id, connection_id, serial_code, carrier,
                                tracking_number, shipped_date, state)
                            values (1, 1, 0, 'manual:M20261201-1', 'YAMATO', '123412341234', current_date, 'OFF')
                            """).update();

            Flyway.configure().dataSource(old).load().migrate();

            long manual = jdbc.sql("select id from mall_connection where mall = 'MANUAL'")
                    .query(Long.class)
                    .single();
            long csv = jdbc.sql("select id from mall_connection where mall = 'CSV'")
                    .query(Long.class)
                    .single();
            assertThat(row(jdbc, "select connection_id, serial_code from oms_order where id = 1"))
                    .containsEntry("connection_id", manual)
                    .containsEntry("serial_code", "M20261201-1");
            assertThat(row(jdbc, "select connection_id, serial_code from oms_order where id = 2"))
                    .containsEntry("connection_id", csv)
                    .containsEntry("serial_code", "csv:TEL-1");
            assertThat(row(jdbc, "select connection_id, serial_code from oms_order where id = 3"))
                    .containsEntry("connection_id", shop)
                    .containsEntry("serial_code", "S-1");
            assertThat(jdbc.sql("select connection_id from customer_order order by order_id")
                            .query(Long.class)
                            .list())
                    .containsExactly(manual, csv, shop);
            assertThat(row(jdbc, "select connection_id, serial_code from write_back where order_id = 1"))
                    .containsEntry("connection_id", manual)
                    .containsEntry("serial_code", "M20261201-1");
            assertThat(jdbc.sql("select count(*) from oms_order where connection_id = 0")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            JdbcClient.create(app)
                    .sql("drop database if exists " + name + " with (force)")
                    .update();
        }
    }

    private static void order(JdbcClient jdbc, long id, long connection, String serial) {
        jdbc.sql("""
                        insert into oms_order (id, connection_id, serial_code, order_number, ordered_at, shop_updated_at,
                            shop_order_status, shop_payment_status, shop_shipping_status, buyer_name, payment_method,
                            items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount, points_used, total,
                            tax, content_hash, payload)
                        values (?, ?, ?, ?, now(), now(), 'New', 'Paid', 'NotShipped', '電話 注文子', 'CreditCard',
                            1000, 0, 0, 0, 0, 0, 1000, '[]', repeat('0', 64), '{}')
                        """).params(id, connection, serial, serial).update();
    }

    private static Map<String, Object> row(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query().singleRow();
    }
}
