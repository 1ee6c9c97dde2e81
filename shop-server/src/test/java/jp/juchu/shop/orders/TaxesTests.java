package jp.juchu.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxesTests {

    @Test
    void taxIsContainedPerRateAndRoundedDownOncePerRate() {
        List<Order.TaxLine> tax = Taxes.of(
                List.of(new Order.Item("tea", null, "煎茶", 1080, 2, 8), new Order.Item("cup", null, "湯呑み", 2750, 1, 10)),
                800,
                0);

        assertThat(tax).containsExactly(new Order.TaxLine(10, 3550, 322), new Order.TaxLine(8, 2160, 160));
    }

    @Test
    void discountsAreApportionedOverTheRatesByTheirShare() {
        List<Order.TaxLine> tax = Taxes.of(
                List.of(new Order.Item("tea", null, "煎茶", 3000, 1, 8), new Order.Item("cup", null, "湯呑み", 1000, 1, 10)),
                0,
                400);

        // 10 % items carry 1/4 of the discount, 8 % items the rest
        assertThat(tax).containsExactly(new Order.TaxLine(10, 900, 81), new Order.TaxLine(8, 2700, 200));
        assertThat(tax.stream().mapToLong(Order.TaxLine::taxableAmount).sum()).isEqualTo(3600);
    }
}
