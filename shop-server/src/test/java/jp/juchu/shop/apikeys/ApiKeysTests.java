package jp.juchu.shop.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.shops.ShopOpened;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@AutoConfigureMockMvc
class ApiKeysTests {

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Shops shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoHandoff demoHandoff;

    @Autowired
    ApiKeysSettings settings;

    String newShop() {
        String shopId = "key" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "キーテスト店", "pass-" + shopId);
        return shopId;
    }

    @Test
    void onlyAHashAndAShortPrefixAreStored() {
        String shopId = newShop();
        IssuedKeys keys = apiKeys.issue(shopId);
        var stored = jdbc.sql("select key_hash || ' ' || key_prefix from api_key where shop_id = ?")
                .param(shopId)
                .query(String.class)
                .list();
        assertThat(stored).hasSize(2).noneMatch(row -> row.contains(keys.openKey()) || row.contains(keys.managerKey()));
        assertThat(stored)
                .anyMatch(row -> row.equals(
                        ApiKeys.hash(keys.openKey()) + " " + keys.openKey().substring(0, 4)));
        assertThat(keys.toString()).doesNotContain(keys.openKey(), keys.managerKey());
    }

    @Test
    void keysAreLongRandomAndDistinct() {
        IssuedKeys a = apiKeys.issue(newShop());
        IssuedKeys b = apiKeys.issue(newShop());
        assertThat(a.openKey()).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Set.of(a.openKey(), a.managerKey(), b.openKey(), b.managerKey()))
                .hasSize(4);
    }

    @Test
    void issuingTwiceIsRefused() {
        String shopId = newShop();
        apiKeys.issue(shopId);
        assertThatIllegalStateException().isThrownBy(() -> apiKeys.issue(shopId));
    }

    @Test
    void reissueBeforeIssueIsRefused() {
        String shopId = newShop();
        assertThatIllegalStateException().isThrownBy(() -> apiKeys.reissue(shopId, KeyKind.OPEN));
        assertThat(apiKeys.status(shopId)).isEmpty();
    }

    @Test
    void statusShowsTheLiveKeysWithTheirIssueTime() {
        String shopId = newShop();
        IssuedKeys keys = apiKeys.issue(shopId);
        IssuedKey renewed = apiKeys.reissue(shopId, KeyKind.OPEN);
        ApiKeyStatus status = apiKeys.status(shopId).orElseThrow();
        assertThat(status.openKey().prefix()).isEqualTo(renewed.key().substring(0, 4));
        assertThat(status.openKey().issuedAt()).isEqualTo(renewed.issuedAt());
        assertThat(status.managerKey().issuedAt()).isEqualTo(keys.issuedAt());
        assertThat(status.managerKey().masked())
                .startsWith(keys.managerKey().substring(0, 4))
                .endsWith("•");
    }

    @Test
    void demoShopHandsItsKeysToTheOmsInAPrivateFile() throws Exception {
        String shopId = newShop();
        demoHandoff.on(new ShopOpened(shopId, "デモ店", true));

        Path file = settings.demoHandoffFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Properties handoff = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            handoff.load(in);
        }
        assertThat(handoff.getProperty("shop-id")).isEqualTo(shopId);
        assertThat(handoff.getProperty("management-url")).matches("http://localhost:\\d+/api/management");
        assertThat(handoff.getProperty("item-url")).matches("http://localhost:\\d+/api/item");
        assertThat(apiKeys.authenticate(shopId, handoff.getProperty("manager-key")))
                .map(AuthenticatedKey::kind)
                .contains(KeyKind.MANAGER);
        assertThat(apiKeys.authenticate(shopId, handoff.getProperty("open-key")))
                .map(AuthenticatedKey::kind)
                .contains(KeyKind.OPEN);
    }

    @Test
    void everyDemoShopIsListedInTheHandoffUnderItsOwnPrefix() throws Exception {
        String first = newShop();
        String second = newShop();
        demoHandoff.on(new ShopOpened(first, "デモ店", true));
        demoHandoff.on(new ShopOpened(second, "デモ店 2号店", true));

        Properties handoff = new Properties();
        try (Reader in = Files.newBufferedReader(settings.demoHandoffFile())) {
            handoff.load(in);
        }
        assertThat(handoff.getProperty("shops").split(",")).contains(first, second);
        for (String shopId : new String[] {first, second}) {
            assertThat(handoff.getProperty(shopId + ".shop-id")).isEqualTo(shopId);
            assertThat(apiKeys.authenticate(shopId, handoff.getProperty(shopId + ".manager-key")))
                    .map(AuthenticatedKey::kind)
                    .contains(KeyKind.MANAGER);
        }
    }

    @Test
    void otherShopsOpeningWriteNoHandoff() {
        String shopId = newShop();
        demoHandoff.on(new ShopOpened(shopId, "普通の店", false));
        assertThat(apiKeys.status(shopId)).isEmpty();
    }
}
