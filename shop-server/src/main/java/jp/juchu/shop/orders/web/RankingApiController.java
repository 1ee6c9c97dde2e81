package jp.juchu.shop.orders.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.RankedItem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open API's ranking (ランキング): items by units sold over the last days, for building shop pages. */
@RestController
class RankingApiController {

    private final Orders orders;
    private final Clock clock;

    RankingApiController(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    record Ranking(int periodDays, List<RankedItem> ranking) {}

    @GetMapping("/api/item/v2/ranking/set-by-shop")
    Ranking ranking(
            @RequestParam(name = "period_days", defaultValue = "30") @Min(1) @Max(365) int periodDays,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int size,
            Principal principal) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Ranking(periodDays, orders.ranking(principal.getName(), now.minusDays(periodDays), now, size));
    }
}
