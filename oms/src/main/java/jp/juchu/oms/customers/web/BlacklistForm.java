package jp.juchu.oms.customers.web;

import jakarta.validation.constraints.Size;

/** ブラックリスト on or off; a reason is required to put a customer on it. */
record BlacklistForm(boolean blacklisted, @Size(max = 500) String reason) {

    boolean reasonGiven() {
        return !blacklisted || (reason != null && !reason.isBlank());
    }
}
