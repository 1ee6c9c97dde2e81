package jp.juchu.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SerialIdsTests {

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql("create table parcel (id bigserial primary key, label text)").update();
        jdbc.sql("create table shop_order (seq bigserial primary key)").update();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void idsTakenAheadAreTheSequencesNextAndARowInsertedAfterwardsGetsALaterOne() {
        List<Long> ids = SerialIds.next(jdbc, "parcel", "id", 5);

        assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSorted();
        long later = jdbc.sql("insert into parcel (label) values ('x') returning id")
                .query(Long.class)
                .single();
        assertThat(later).isGreaterThan(ids.get(4));
        assertThat(SerialIds.next(jdbc, "shop_order", "seq", 2)).hasSize(2);
        assertThat(SerialIds.next(jdbc, "parcel", "id", 0)).isEmpty();
    }
}
