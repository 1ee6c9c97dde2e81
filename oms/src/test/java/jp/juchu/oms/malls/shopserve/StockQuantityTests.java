package jp.juchu.oms.malls.shopserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.juchu.oms.malls.BadShopResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A stock quantity the shop answers is taken only when it is a whole number an int holds. */
class StockQuantityTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode quantityOf(String answer) {
        return json.readTree(answer).get("quantity");
    }

    @Test
    void aWholeNumberIsTheQuantity() {
        assertThat(ShopServeItems.quantity(quantityOf("{\"quantity\":12}"), "A-1"))
                .isEqualTo(12);
        assertThat(ShopServeItems.quantity(quantityOf("{\"quantity\":2147483647}"), "A-1"))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aQuantityBeyondAnIntOrNotAWholeNumberIsABadAnswer() {
        for (String answer : new String[] {
            "{\"quantity\":10000000000}",
            "{\"quantity\":99999999999999999999999}",
            "{\"quantity\":1.5}",
            "{\"quantity\":\"3\"}",
            "{}"
        }) {
            assertThatThrownBy(() -> ShopServeItems.quantity(quantityOf(answer), "A-1"))
                    .as(answer)
                    .isInstanceOf(BadShopResponse.class);
        }
    }
}
