package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An order's canonical text: its keys sorted at every level, written exactly as Jackson's own sorting writes it. */
class CanonicalJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper SORTING =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final ShopOrderReader reader = new ShopOrderReader();

    @Test
    void theCanonicalTextIsJacksonsSortedTextForKeysInAnyOrderAtAnyDepth() {
        Random random = new Random(20261206);
        // one buffer for all of them, as a page's orders share one
        ByteArrayOutputStream scratch = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            JsonNode tree = randomObject(random, 0);
            String text = JSON.writeValueAsString(tree);
            String expected = SORTING.writeValueAsString(JSON.readTree(text));

            JsonNode read = JSON.readTree(text);
            String canonical = new String(reader.canonical(read, scratch).json(), StandardCharsets.UTF_8);

            assertThat(canonical).isEqualTo(expected);
            assertThat(JSON.writeValueAsString(read))
                    .as("the tree is left as it came")
                    .isEqualTo(JSON.writeValueAsString(JSON.readTree(text)));
        }
    }

    @Test
    void anOrderWhoseKeysComeSortedIsWrittenAsItCame() {
        String sent = "{\"a\":1,\"b\":{\"c\":null,\"d\":[{\"e\":\"受注\",\"f\":1.50}]},\"g\":\"\\u0000x\"}";

        String canonical = new String(
                reader.canonical(JSON.readTree(sent), new ByteArrayOutputStream())
                        .json(),
                StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo(sent.replace("1.50", "1.5"));
    }

    @Test
    void keysAreSortedByTheirCharactersNotByTheirBytes() {
        // "Z" < "a" < "é" < "受" < "𠮷" by Java's String order (UTF-16), the order a tree map gives
        String sent = "{\"𠮷\":1,\"受\":2,\"é\":3,\"a\":4,\"Z\":5,\"\":6}";

        String canonical = new String(
                reader.canonical(JSON.readTree(sent), new ByteArrayOutputStream())
                        .json(),
                StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"\":6,\"Z\":5,\"a\":4,\"é\":3,\"受\":2,\"𠮷\":1}");
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        List<String> keys = new ArrayList<>(List.of(
                "amounts",
                "buyer",
                "deliveries",
                "items",
                "name",
                "受注",
                "Ä",
                "z",
                "a1",
                "a10",
                "a2",
                "",
                "tax_rate",
                "serial_code"));
        Collections.shuffle(keys, random);
        for (String key : keys.subList(0, 1 + random.nextInt(keys.size()))) {
            object.set(key, randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth < 4 ? 10 : 7);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(random.nextInt(100_000));
            case 4 -> nodes.numberNode(new java.math.BigDecimal(random.nextInt(100_000)).movePointLeft(2));
            case 5 -> nodes.stringNode("東京都渋谷区 \"quoted\" \\ \t\n" + random.nextInt());
            case 6 -> nodes.stringNode("");
            case 7, 8 -> randomObject(random, depth);
            default -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
