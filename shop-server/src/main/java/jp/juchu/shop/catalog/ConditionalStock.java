package jp.juchu.shop.catalog;

/**
 * One variation's new quantity, written only if its stock is still {@code expected}.
 *
 * @param variation its choices joined with "/" ({@code 紺/M}), {@code ""} for an item without variations
 */
public record ConditionalStock(String variation, int expected, int quantity) {}
