package jp.juchu.shop.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoOrders orders the demo shop gets over its last 30 days
 * @param generateOnStart further orders generated for the demo shop over the year before (benchmarks)
 */
@ConfigurationProperties("shop.orders")
public record OrderSettings(
        @DefaultValue("300") int demoOrders,
        @DefaultValue("0") int generateOnStart) {}
