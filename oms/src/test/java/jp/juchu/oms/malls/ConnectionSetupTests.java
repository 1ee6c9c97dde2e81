package jp.juchu.oms.malls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "設定を保存して次へ進む" checks both keys live and says exactly what is wrong; nothing is saved half. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectionSetupTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();
    private static final String OPEN = "open-KEY-abcdefghijklmnop";
    private static final String MANAGER = "manager-KEY-qrstuvwxyz012345";

    @Autowired
    ConnectionSetup setup;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    KeyCheckingShop shop;
    String shopId;

    @BeforeEach
    void startShop() {
        shopId = "setup" + SHOPS.incrementAndGet();
        shop = new KeyCheckingShop(shopId, List.of(OPEN), List.of(MANAGER));
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    private ConnectionSettings settings(String shop, String open, String manager) {
        return new ConnectionSettings(shop, open, manager, 7, true, 30, this.shop.managementUrl(), this.shop.itemUrl());
    }

    private List<String> problems(ConnectionSettings settings) {
        ConnectionSetup.Result result = setup.verifyAndSave(null, settings);
        return result.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void rightKeysAreSavedEncryptedAndNeverLogged(CapturedOutput output) {
        ConnectionSetup.Result result = setup.verifyAndSave(null, settings(shopId, OPEN, MANAGER));

        assertThat(result.problems()).isEmpty();
        MallConnection saved = result.connection();
        assertThat(saved.status()).isEqualTo(ConnectionStatus.OK);
        assertThat(saved.managerKeyHint()).isEqualTo("mana");
        Map<String, Object> row = jdbc.sql("select * from mall_connection where id = ?")
                .param(saved.id())
                .query()
                .singleRow();
        assertThat(row.values().toString()).doesNotContain(OPEN).doesNotContain(MANAGER);
        assertThat(connections.credentials(saved.id()).managerKey()).isEqualTo(MANAGER);
        assertThat(output.getAll()).doesNotContain(OPEN).doesNotContain(MANAGER);
    }

    @Test
    void wrongManagerKeyIsRefusedAndNothingIsSaved() {
        assertThat(problems(settings(shopId, OPEN, "wrong-key")))
                .containsExactly("managerKey:malls.check.managerRefused");
        assertThat(connections.findByShopId(Mall.SHOP_SERVE, shopId)).isEmpty();
    }

    @Test
    void unknownShopIdIsRefused() {
        assertThat(problems(settings("nosuchshop", OPEN, MANAGER)))
                .containsExactly("managerKey:malls.check.managerRefused", "openKey:malls.check.openRefused");
    }

    @Test
    void openKeyInTheManagerKeyFieldIsNamed() {
        assertThat(problems(settings(shopId, OPEN, OPEN)))
                .containsExactly("managerKey:malls.check.openKeyInManagerField");
    }

    @Test
    void swappedKeysAreNamed() {
        assertThat(problems(settings(shopId, MANAGER, OPEN))).containsExactly("managerKey:malls.check.swapped");
    }

    @Test
    void managerKeyInTheOpenKeyFieldIsNamed() {
        assertThat(problems(settings(shopId, MANAGER, MANAGER)))
                .containsExactly("openKey:malls.check.managerKeyInOpenField");
    }

    @Test
    void unreachableHostIsNamed() {
        ConnectionSettings unreachable = new ConnectionSettings(
                shopId, OPEN, MANAGER, 7, true, 30, "http://127.0.0.1:1/m", "http://127.0.0.1:1/i");
        assertThat(problems(unreachable))
                .containsExactly("managementUrl:malls.check.unreachable", "itemUrl:malls.check.unreachable");
        assertThat(connections.findByShopId(Mall.SHOP_SERVE, shopId)).isEmpty();
    }

    @Test
    void rateLimitSaysHowLongToWait() {
        shop.rateLimited = true;
        ConnectionSetup.Result result = setup.verifyAndSave(null, settings(shopId, OPEN, MANAGER));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("malls.check.rateLimited");
            assertThat(p.args()).containsExactly(42L);
        });
    }

    @Test
    void blankKeysWhenEditingKeepTheStoredOnes() {
        long id = setup.verifyAndSave(null, settings(shopId, OPEN, MANAGER))
                .connection()
                .id();

        ConnectionSetup.Result edited = setup.verifyAndSave(id, settings(shopId, "", null));

        assertThat(edited.problems()).isEmpty();
        assertThat(connections.credentials(id).openKey()).isEqualTo(OPEN);
        assertThat(connections.credentials(id).managerKey()).isEqualTo(MANAGER);
    }
}
