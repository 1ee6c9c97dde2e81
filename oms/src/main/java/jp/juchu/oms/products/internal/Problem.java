package jp.juchu.oms.products.internal;

/**
 * Why a value is refused, in Japanese, and which field it is about (the form field's name, or null for the whole).
 */
public record Problem(String field, String message) {}
