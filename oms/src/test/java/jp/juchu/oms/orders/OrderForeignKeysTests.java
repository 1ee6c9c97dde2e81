package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The foreign keys of an order's rows, checked per statement by triggers (V349): what the keys refused is refused
 * with the key's SQLSTATE and name, what they cascaded is cascaded, and a row written while its parent is deleted
 * ends either with both or with neither.
 */
@SpringBootTest
class OrderForeignKeysTests {

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private long newOrder() {
        return SampleOrders.apply(
                orders, jdbc, 7777, SampleOrders.order("fk" + System.nanoTime(), OffsetDateTime.now()));
    }

    private long count(String table, String column, long id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void aStatementWithOneRowNamingNoOrderFailsWholeWithTheKeysStateAndName() throws SQLException {
        long order = newOrder();
        long before = count("order_history", "order_id", order);

        SQLException refused = sqlError(() -> execute("insert into order_history (order_id, kind, actor, summary)"
                + " values (" + order + ", 'NOTE', 'test', 'kept?'), (" + (order + 1_000_000_000L)
                + ", 'NOTE', 'test', 'orphan')"));

        assertThat(refused.getSQLState()).isEqualTo("23503");
        assertThat(refused.getMessage()).contains("order_history_order_id_fkey").contains(order + 1_000_000_000L + "");
        assertThat(count("order_history", "order_id", order)).isEqualTo(before);
    }

    @Test
    void deletingAnOrderDeletesItsShipmentsTheirLinesAndItsHistory() throws SQLException {
        long order = newOrder();
        long shipment = jdbc.sql("select min(id) from shipment where order_id = ?")
                .param(order)
                .query(Long.class)
                .single();
        assertThat(count("order_item", "shipment_id", shipment)).isPositive();
        assertThat(count("order_history", "order_id", order)).isPositive();

        execute("delete from oms_order where id = " + order);

        assertThat(count("shipment", "order_id", order)).isZero();
        assertThat(count("order_item", "shipment_id", shipment)).isZero();
        assertThat(count("order_history", "order_id", order)).isZero();
    }

    @Test
    void anOrderCannotMoveToAStatusThatIsNotThereNorAStatusAnOrderIsInBeDeleted() throws SQLException {
        long order = newOrder();
        execute("insert into workflow_status (code, name, position) values ('FK_USED', '使用中', 998),"
                + " ('FK_UNUSED', '未使用', 999)");
        execute("update oms_order set workflow_status = 'FK_USED' where id = " + order);

        SQLException moved =
                sqlError(() -> execute("update oms_order set workflow_status = 'NO_SUCH_STATUS' where id = " + order));
        assertThat(moved.getSQLState()).isEqualTo("23503");
        assertThat(moved.getMessage()).contains("oms_order_workflow_status_fkey");

        SQLException deleted = sqlError(() -> execute("delete from workflow_status where code = 'FK_USED'"));
        assertThat(deleted.getSQLState()).isEqualTo("23503");
        assertThat(deleted.getMessage())
                .contains("oms_order_workflow_status_fkey")
                .contains("oms_order");

        execute("delete from workflow_status where code = 'FK_UNUSED'");
        assertThat(jdbc.sql("select code from workflow_status where code like 'FK_%'")
                        .query(String.class)
                        .list())
                .containsExactly("FK_USED");
        execute("delete from oms_order where id = " + order);
        execute("delete from workflow_status where code = 'FK_USED'");
    }

    @Test
    void theKeyOfAnOrderRowsNameCannotChange() {
        long order = newOrder();

        SQLException changed = sqlError(() -> execute("update oms_order set id = id + 1000000000 where id = " + order));

        assertThat(changed.getSQLState()).isEqualTo("23503");
        assertThat(count("shipment", "order_id", order)).isPositive();
    }

    @Test
    void aHistoryLineWrittenWhileItsOrderIsDeletedIsDeletedWithIt() throws Exception {
        long order = newOrder();
        try (Connection writer = dataSource.getConnection();
                Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            update(
                    writer,
                    "insert into order_history (order_id, kind, actor, summary) values (" + order
                            + ", 'NOTE', 'test', 'written first')");

            CompletableFuture<Integer> deleting =
                    CompletableFuture.supplyAsync(() -> update(deleter, "delete from oms_order where id = " + order));
            // the line's check holds the order: the delete waits for the writer to end
            Thread.sleep(300);
            assertThat(deleting).isNotDone();
            writer.commit();
            assertThat(deleting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            deleter.commit();
        }
        assertThat(count("oms_order", "id", order)).isZero();
        assertThat(count("order_history", "order_id", order)).isZero();
    }

    @Test
    void aHistoryLineWrittenAfterItsOrderWasDeletedIsRefusedOnceTheDeleteCommits() throws Exception {
        long order = newOrder();
        try (Connection writer = dataSource.getConnection();
                Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            update(deleter, "delete from oms_order where id = " + order);

            CompletableFuture<Integer> writing = CompletableFuture.supplyAsync(() -> update(
                    writer,
                    "insert into order_history (order_id, kind, actor, summary) values (" + order
                            + ", 'NOTE', 'test', 'written second')"));
            Thread.sleep(300);
            assertThat(writing).isNotDone();
            deleter.commit();
            assertThatThrownBy(() -> writing.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .rootCause()
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            writer.rollback();
        }
        assertThat(count("order_history", "order_id", order)).isZero();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.execute();
            }
        }
    }

    private static int update(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static SQLException sqlError(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("the statement was not refused");
    }
}
