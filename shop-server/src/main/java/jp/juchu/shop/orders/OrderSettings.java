package jp.juchu.shop.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoOrders orders the demo shop gets over its last 30 days
 * @param generateOnStart further orders generated for the demo shop over the year before (benchmarks)
 * @param trafficPerMinute new orders a minute the demo shop keeps getting while running, each with a change to a
 *     recent order (payment, cancellation, address correction, shipment); 0 = none (demos and the fault soak)
 */
@ConfigurationProperties("shop.orders")
public record OrderSettings(
        @DefaultValue("300") int demoOrders,
        @DefaultValue("0") int generateOnStart,
        @DefaultValue("0") int trafficPerMinute) {}
