package jp.juchu.oms.shipping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shipping settings ({@code oms.shipping.*}).
 *
 * @param writeBackRetry the pause before a refused write-back is sent again; it doubles on each refusal
 */
@ConfigurationProperties("oms.shipping")
public record ShippingSettings(@DefaultValue("30s") Duration writeBackRetry) {}
