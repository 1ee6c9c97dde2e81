package jp.juchu.shop.settings;

import java.util.List;

/** Settings refused, with every field that is wrong and why (in Japanese); nothing was saved. */
public class InvalidSetup extends RuntimeException {

    /** @param field the path of the field in {@link ShopSetup}, e.g. {@code shipping.flatFee} */
    public record Problem(String field, String message) {}

    private final transient List<Problem> problems;

    InvalidSetup(List<Problem> problems) {
        super(problems.stream()
                .map(Problem::message)
                .reduce((a, b) -> a + " / " + b)
                .orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
