package jp.juchu.oms.orders;

import java.util.List;
import java.util.Objects;

/**
 * A change to an order's notes — its tags (タグ), internal memo (社内メモ) or alert (要確認) — by one actor. {@link
 * Orders#changeNotes} carries out many of them at once, each order's in the order given, under the one set of bounds:
 * a tag is at most {@value #TAG_LENGTH} characters, an order keeps at most {@value #TAGS} tags, a memo line is cut to
 * {@value #MEMO_LINE} characters and the memo stops at {@link OrderLimits#MEMO}.
 */
public sealed interface NoteChange {

    int TAG_LENGTH = 30;
    int TAGS = 20;
    int MEMO_LINE = 1000;

    long orderId();

    String actor();

    /** Adds and removes tags (blank tags to add are ignored). */
    record Tags(long orderId, List<String> add, List<String> remove, String actor) implements NoteChange {
        public Tags {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
            Objects.requireNonNull(actor);
        }
    }

    /** Appends a line to the internal memo. */
    record Memo(long orderId, String line, String actor) implements NoteChange {
        public Memo {
            Objects.requireNonNull(line);
            Objects.requireNonNull(actor);
        }
    }

    /** Appends a line to the alert; alert text already on the order stays. */
    record Alert(long orderId, String line, String actor) implements NoteChange {
        public Alert {
            Objects.requireNonNull(line);
            Objects.requireNonNull(actor);
        }
    }

    /** Why a change was not made (the order is left as it was by that change). */
    enum Refusal {
        NO_ORDER("受注がありません"),
        BLANK_TAG("タグが空です"),
        TAG_TOO_LONG("タグは" + TAG_LENGTH + "文字までです"),
        TOO_MANY_TAGS("タグは1件の受注に" + TAGS + "個までです"),
        MEMO_FULL("社内メモは" + OrderLimits.MEMO + "文字までです");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** What became of one change: done, or refused and why. */
    record Result(NoteChange change, Refusal refusal) {

        public boolean done() {
            return refusal == null;
        }
    }
}
