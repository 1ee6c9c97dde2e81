package jp.juchu.oms.malls;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One order of a page as the shop sent it: its serial code and when the shop last changed it (each null when
 * unreadable), and its JSON.
 *
 * @param json the JSON text, or null when the connector kept only the tree it parsed with its page
 * @param parsed the same JSON as the connector already parsed it with its page, or null: the importer then reads the
 *     text, and saves parsing every order twice when it is there
 */
public record RawOrder(String serialCode, Instant updatedAt, String json, JsonNode parsed) {

    public RawOrder {
        if (json == null && parsed == null) {
            throw new IllegalArgumentException("an order needs its JSON text or its parsed tree");
        }
    }

    public RawOrder(String serialCode, Instant updatedAt, String json) {
        this(serialCode, updatedAt, json, null);
    }

    /** A page's order as the connector parsed it: its text is written only if something asks for it. */
    public static RawOrder parsed(String serialCode, Instant updatedAt, JsonNode parsed) {
        return new RawOrder(serialCode, updatedAt, null, parsed);
    }

    /** The order's JSON text: as given, or written from the parsed tree (a quarantined order keeps it). */
    @Override
    public String json() {
        return json != null ? json : parsed.toString();
    }
}
