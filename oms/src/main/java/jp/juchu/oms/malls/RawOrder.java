package jp.juchu.oms.malls;

/** One order of a page as the shop sent it: its serial code when readable, and its JSON text untouched. */
public record RawOrder(String serialCode, String json) {}
