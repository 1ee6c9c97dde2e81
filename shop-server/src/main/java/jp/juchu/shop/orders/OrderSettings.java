package jp.juchu.shop.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoOrders orders the demo shop gets over its last 30 days
 * @param generateOnStart further orders generated for the demo shop over the year before (benchmarks)
 * @param trafficPerMinute new orders a minute the demo shop keeps getting while running, each with a change to a
 *     recent order (payment, cancellation, address correction, shipment); 0 = none (demos and the fault soak)
 * @param trafficInEveryDemoShop the traffic sells in every demo shop (the second one too), in turn, rather than in
 *     the main demo shop only
 * @param trafficTakesStock each new order of the traffic takes its units from the shop's stock, as a storefront sale
 *     does, in the same transaction; an order whose units the shop does not have is not placed (counted as sold out)
 */
@ConfigurationProperties("shop.orders")
public record OrderSettings(
        @DefaultValue("300") int demoOrders,
        @DefaultValue("0") int generateOnStart,
        @DefaultValue("0") int trafficPerMinute,
        @DefaultValue("false") boolean trafficInEveryDemoShop,
        @DefaultValue("false") boolean trafficTakesStock) {}
