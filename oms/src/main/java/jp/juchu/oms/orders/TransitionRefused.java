package jp.juchu.oms.orders;

/** A workflow transition the rules forbid; the message names the order and the reason, in Japanese. */
public class TransitionRefused extends IllegalStateException {

    private final transient OrderWorkflow.Refusal refusal;

    TransitionRefused(OrderWorkflow.Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public OrderWorkflow.Refusal refusal() {
        return refusal;
    }
}
