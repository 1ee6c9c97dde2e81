package jp.juchu.oms.purchasing.internal;

import java.util.List;

/** What a purchasing form, action or file may not do, in Japanese, one sentence per problem; nothing was saved. */
public class PurchasingRefused extends RuntimeException {

    private final List<String> problems;

    public PurchasingRefused(List<String> problems) {
        super(String.join(" / ", problems));
        this.problems = List.copyOf(problems);
    }

    public PurchasingRefused(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
