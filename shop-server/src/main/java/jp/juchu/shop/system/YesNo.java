package jp.juchu.shop.system;

import com.fasterxml.jackson.annotation.JsonValue;

/** The platform API writes every yes/no field as the string {@code "Yes"} or {@code "No"}. */
public enum YesNo {
    Yes,
    No;

    public static YesNo of(boolean value) {
        return value ? Yes : No;
    }

    public boolean value() {
        return this == Yes;
    }

    @JsonValue
    String json() {
        return name();
    }
}
