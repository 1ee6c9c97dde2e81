package jp.juchu.oms.products.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.system.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one set of rules a product passes before it is written, whichever way it comes (form, CSV, a shop's item):
 * the field constraints of {@link ProductDraft}, then what they cannot say — the tax rate, a plausible release date,
 * the code free in the namespace SKUs and sets share, a kind that does not change.
 */
@Component
public class ProductRules {

    static final LocalDate EARLIEST_RELEASE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_RELEASE = LocalDate.of(2100, 12, 31);

    private final Validator validator;
    private final JdbcClient jdbc;

    ProductRules(Validator validator, JdbcClient jdbc) {
        this.validator = validator;
        this.jdbc = jdbc;
    }

    /** The field constraints' problems, in field order. */
    public List<Problem> constraints(ProductDraft draft) {
        Set<ConstraintViolation<ProductDraft>> violations = validator.validate(draft);
        return violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
    }

    /**
     * What the field constraints cannot say about a (normalised) draft; {@code id} is the product being edited, null
     * for a new one. Each field appears at most once.
     */
    public List<Problem> beyondConstraints(ProductDraft draft, Long id) {
        List<Problem> problems = new ArrayList<>();
        if (draft.taxRate() != null && draft.taxRate() != 10 && draft.taxRate() != 8 && draft.taxRate() != 0) {
            problems.add(new Problem("taxRate", "税率は 10 (標準)・8 (軽減)・0 (非課税) のいずれかです"));
        }
        if (draft.releaseDate() != null
                && (draft.releaseDate().isBefore(EARLIEST_RELEASE)
                        || draft.releaseDate().isAfter(LATEST_RELEASE))) {
            problems.add(new Problem("releaseDate", "発売日は 2000/01/01〜2100/12/31 の日付で入力してください"));
        }
        for (String[] text : new String[][] {
            {"name", draft.name()},
            {"variation1", draft.variation1()},
            {"variation2", draft.variation2()},
            {"variation3", draft.variation3()},
            {"modelNumber", draft.modelNumber()},
            {"shelfLocation", draft.shelfLocation()},
            {"free1", draft.free1()},
            {"free2", draft.free2()},
            {"free3", draft.free3()}
        }) {
            if (Text.hasLineBreakOrControl(text[1])) {
                problems.add(new Problem(text[0], "改行や制御文字は使えません"));
            }
        }
        if (draft.parentCode() != null
                && draft.variation1() == null
                && draft.variation2() == null
                && draft.variation3() == null) {
            problems.add(new Problem("variation1", "親商品コードを指定したときはバリエーションを1つ以上入力してください"));
        }
        if (draft.variation1() == null && (draft.variation2() != null || draft.variation3() != null)) {
            problems.add(new Problem("variation1", "バリエーションは1から順に入力してください"));
        } else if (draft.variation2() == null && draft.variation3() != null) {
            problems.add(new Problem("variation2", "バリエーションは1から順に入力してください"));
        }
        if (draft.kind() == Product.Kind.SET && draft.parentCode() != null) {
            problems.add(new Problem("parentCode", "セット商品にはバリエーション (親商品コード) を付けられません"));
        }
        if (draft.code() != null && Codes.valid(draft.code())) {
            jdbc.sql("select id, kind from product where code = ?")
                    .param(draft.code())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .optional()
                    .filter(other -> id == null || (long) other[0] != id)
                    .ifPresent(other -> problems.add(new Problem(
                            "code",
                            "商品コード「" + draft.code() + "」は" + ("SET".equals(other[1]) ? "セット商品" : "商品") + "で使われています")));
        }
        if (id != null && draft.kind() != null) {
            jdbc.sql("select kind from product where id = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .filter(kind -> !kind.equals(draft.kind().name()))
                    .ifPresent(kind -> problems.add(new Problem("kind", "商品種別 (商品・セット商品) は登録後に変更できません")));
        }
        return problems;
    }

    /** Every problem of a draft: the constraints first, then (when the fields themselves are well formed) the rest. */
    public List<Problem> check(ProductDraft draft, Long id) {
        List<Problem> problems = new ArrayList<>(constraints(draft));
        ProductDraft normalised = draft.normalised();
        for (Problem p : beyondConstraints(normalised, id)) {
            if (problems.stream().noneMatch(q -> q.field().equals(p.field()))) {
                problems.add(p);
            }
        }
        return problems;
    }
}
