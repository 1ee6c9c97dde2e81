package jp.juchu.shop.apikeys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoHandoffFile where the demo shop's keys are written for the OMS's demo to link itself
 *     ({@code ${JUCHU_DATA_DIR:./data}/demo-shop.properties})
 * @param demoIssuesKeys whether the demo shop applies for the API by itself; off, the merchant does it in
 *     the admin (seed steps 【2】–【4】), as the walkthrough test does
 */
@ConfigurationProperties("shop.apikeys")
public record ApiKeysSettings(
        @DefaultValue("./data/demo-shop.properties") Path demoHandoffFile,
        @DefaultValue("true") boolean demoIssuesKeys) {}
