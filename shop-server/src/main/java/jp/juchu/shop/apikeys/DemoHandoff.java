package jp.juchu.shop.apikeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.shop.shops.ShopOpened;
import jp.juchu.shop.shops.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo shop applies for the API by itself, and its keys go to a file the OMS's demo reads to link
 * itself to the shop. This file is the only place a key is ever written in full: it is readable by its
 * owner only (mode 600), and only the demo shop's keys go there.
 */
@Component
class DemoHandoff {

    private static final Logger log = LoggerFactory.getLogger(DemoHandoff.class);

    private final ApiKeys apiKeys;
    private final ApiKeysSettings settings;
    private final Environment environment;
    private final ShopSettings shops;

    DemoHandoff(ApiKeys apiKeys, ApiKeysSettings settings, Environment environment, ShopSettings shops) {
        this.apiKeys = apiKeys;
        this.settings = settings;
        this.environment = environment;
        this.shops = shops;
    }

    @EventListener
    @Order(5)
    void on(ShopOpened opened) {
        if (!opened.demo() || !settings.demoIssuesKeys()) {
            return;
        }
        IssuedKeys keys = apiKeys.issue(opened.shopId(), "demo");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8081"));
        // Shop IDs, base64url keys and these URLs need no escaping in a properties file.
        // Every demo shop is listed under its own prefix ("shops" names them); the main demo shop (shop.demo.shop-id)
        // also has the unprefixed keys earlier readers use — or whichever demo shop opened, when that one did not.
        Map<String, String> handoff = read(settings.demoHandoffFile());
        Map<String, String> shop = new LinkedHashMap<>();
        shop.put("shop-id", opened.shopId());
        shop.put("open-key", keys.openKey());
        shop.put("manager-key", keys.managerKey());
        shop.put("management-url", "http://localhost:" + port + "/api/management");
        shop.put("item-url", "http://localhost:" + port + "/api/item");
        String main = shops.demo().shopId();
        if (!main.equals(handoff.get("shop-id")) || main.equals(opened.shopId())) {
            handoff.putAll(shop);
        }
        java.util.LinkedHashSet<String> listed = new java.util.LinkedHashSet<>(
                java.util.Arrays.asList(handoff.getOrDefault("shops", "").split(",")));
        listed.remove("");
        listed.add(opened.shopId());
        handoff.put("shops", String.join(",", listed));
        shop.forEach((k, v) -> handoff.put(opened.shopId() + "." + k, v));
        write(settings.demoHandoffFile(), handoff);
        log.info(
                "Demo shop {}: API keys issued and handed to the OMS demo in {}",
                opened.shopId(),
                settings.demoHandoffFile());
    }

    /** The hand-off written so far (by this start's earlier demo shops), or nothing. */
    private static Map<String, String> read(Path file) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return properties;
        }
        java.util.Properties loaded = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo handoff file " + file, e);
        }
        loaded.stringPropertyNames().stream().sorted().forEach(k -> properties.put(k, loaded.getProperty(k)));
        return properties;
    }

    /** Written to a private temporary file first and moved into place, so no reader sees it half written or open. */
    private static void write(Path file, Map<String, String> properties) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".demo-shop", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("# The demo shop's platform API keys, for the OMS demo. Keep private.\n");
                for (Map.Entry<String, String> property : properties.entrySet()) {
                    out.write(property.getKey() + "=" + property.getValue() + "\n");
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo handoff file " + file, e);
        }
    }
}
