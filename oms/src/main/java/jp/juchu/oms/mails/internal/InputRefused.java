package jp.juchu.oms.mails.internal;

import java.util.List;

/** Input (a template, メール設定) that cannot be saved, with each reason in Japanese; nothing of it was saved. */
public class InputRefused extends RuntimeException {

    private final List<String> problems;

    public InputRefused(List<String> problems) {
        super(String.join(" / ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
