package jp.juchu.shop.catalog;

import java.util.List;

/**
 * A purchase option of a product: {@code Select} offers {@code choices} (e.g. ギフト包装: なし, あり),
 * {@code Text} takes up to {@code maxLength} characters from the buyer (e.g. 名入れ刻印).
 */
public record ProductOption(String name, Kind kind, List<String> choices, Integer maxLength, boolean required) {

    public enum Kind {
        Select,
        Text
    }
}
