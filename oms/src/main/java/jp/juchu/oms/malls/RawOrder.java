package jp.juchu.oms.malls;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One order of a page as the shop sent it: its serial code and when the shop last changed it (each null when
 * unreadable), and its JSON text untouched.
 *
 * @param parsed the same JSON as the connector already parsed it with its page, or null: the importer then reads the
 *     text, and saves parsing every order twice when it is there
 */
public record RawOrder(String serialCode, Instant updatedAt, String json, JsonNode parsed) {

    public RawOrder(String serialCode, Instant updatedAt, String json) {
        this(serialCode, updatedAt, json, null);
    }
}
