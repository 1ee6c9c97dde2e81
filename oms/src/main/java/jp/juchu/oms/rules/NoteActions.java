package jp.juchu.oms.rules;

import java.util.List;
import jp.juchu.oms.orders.NoteChange;
import jp.juchu.oms.orders.OrderLimits;

/**
 * The actions that change an order's notes (タグ, 社内メモ, 要確認), as changes for {@link
 * jp.juchu.oms.orders.Orders#changeNotes}, and what each did in the words of the rule log: the same for one order
 * ({@link RuleActions}) and for a page of them ({@link RuleBatch}).
 */
final class NoteActions {

    private NoteActions() {}

    /** Whether the action changes only the order's notes. */
    static boolean handles(Action.Kind kind) {
        return kind == Action.Kind.ADD_TAG
                || kind == Action.Kind.REMOVE_TAG
                || kind == Action.Kind.APPEND_MEMO
                || kind == Action.Kind.RAISE_ALERT;
    }

    /** The change a note action makes, with its value filled in. */
    static NoteChange change(long orderId, Action action, String value, String actor) {
        return switch (action.kind()) {
            case ADD_TAG -> new NoteChange.Tags(orderId, List.of(value), List.of(), actor);
            case REMOVE_TAG -> new NoteChange.Tags(orderId, List.of(), List.of(value), actor);
            case APPEND_MEMO -> new NoteChange.Memo(orderId, value, actor);
            case RAISE_ALERT -> new NoteChange.Alert(orderId, value, actor);
            default -> throw new IllegalArgumentException("not a note action: " + action.kind());
        };
    }

    /**
     * The alert line a move leaves once made: 確認待ちで止める says what to check; the other moves leave none (null).
     */
    static String alertLine(Action action, String value) {
        return action.kind() == Action.Kind.CONFIRM ? "確認内容: " + value : null;
    }

    /** What the action did, for the rule's log line. */
    static String said(Action action, String value, NoteChange.Result result) {
        if (result.done()) {
            return RuleActions.describe(action, value);
        }
        boolean adding = action.kind() == Action.Kind.ADD_TAG;
        return switch (result.refusal()) {
            case TAG_TOO_LONG -> "タグ: " + NoteChange.TAG_LENGTH + "文字を超えるため付けませんでした";
            case TOO_MANY_TAGS -> "タグ: " + NoteChange.TAGS + (adding ? "個に達しているため付けませんでした" : "個を超えているため外せませんでした");
            case BLANK_TAG -> "タグ: 空のため" + (adding ? "付けませんでした" : "外しませんでした");
            case MEMO_FULL -> "社内メモ: " + OrderLimits.MEMO + "文字の上限に達するため追記しませんでした";
            case NO_ORDER -> action.kind().label() + ": 受注がありません";
        };
    }
}
