package jp.juchu.oms.products.internal;

import java.util.List;

/** A change to the product master refused as a whole, with every reason; nothing was written. */
public class ProductRefused extends RuntimeException {

    private final transient List<Problem> problems;

    public ProductRefused(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public ProductRefused(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
