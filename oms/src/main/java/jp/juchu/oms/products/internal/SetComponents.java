package jp.juchu.oms.products.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A set product's components (セット構成): SKUs with the quantity of each in one set. No nesting: a component is
 * always a SKU, never a set. The components are replaced as a whole; orders resolved afterwards take the new ones
 * ({@link jp.juchu.oms.products.Listings#resolve} reads them live), orders resolved before keep theirs.
 */
@Service
public class SetComponents {

    public static final int MAX_COMPONENTS = 50;
    public static final int MAX_QUANTITY = 9999;

    /** One line of a set: a component's code and how many of it one set takes. */
    public record Line(String code, int quantity) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SetComponents(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Reads the set editor's text, one component a line: {@code コード 数量} (space, comma, tab or ×/x/* between;
     * the quantity 1 when left off). Problems name the line.
     */
    public static List<Line> parse(String text, List<Problem> problems) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] rows = text.split("\\R", -1);
        if (rows.length > MAX_COMPONENTS * 2) {
            problems.add(new Problem("components", "構成商品は " + MAX_COMPONENTS + " 行までです"));
            return lines;
        }
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] parts = row.split("[\\s,、×xX*＊]+");
            if (parts.length > 2) {
                problems.add(new Problem("components", (i + 1) + "行目: 「商品コード 数量」の形で入力してください: " + row));
                continue;
            }
            int quantity = 1;
            if (parts.length == 2) {
                try {
                    quantity = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    problems.add(new Problem("components", (i + 1) + "行目: 数量が数ではありません: " + parts[1]));
                    continue;
                }
            }
            lines.add(new Line(parts[0], quantity));
        }
        return lines;
    }

    /** What is wrong with these components for the set with this code (null for one not registered yet). */
    public List<Problem> check(String setCode, List<Line> lines) {
        List<Problem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new Problem("components", "構成商品を1つ以上入力してください"));
            return problems;
        }
        if (lines.size() > MAX_COMPONENTS) {
            problems.add(new Problem("components", "構成商品は " + MAX_COMPONENTS + " 種類までです"));
            return problems;
        }
        Map<String, String> kinds = kinds(lines.stream().map(Line::code).toList());
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            String code = line.code();
            if (!seen.add(code)) {
                problems.add(new Problem("components", "構成商品「" + code + "」が2回あります。数量は1行にまとめてください"));
            } else if (code.equals(setCode)) {
                problems.add(new Problem("components", "セット商品「" + code + "」自身は構成商品にできません"));
            } else if (!kinds.containsKey(code)) {
                problems.add(new Problem("components", "構成商品「" + code + "」は登録されていません"));
            } else if ("SET".equals(kinds.get(code))) {
                problems.add(new Problem("components", "「" + code + "」はセット商品です。セット商品の中にセット商品は入れられません"));
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add(new Problem("components", "構成商品「" + code + "」の数量は 1〜" + MAX_QUANTITY + " で入力してください"));
            }
        }
        return problems;
    }

    /**
     * Replaces a set's components.
     *
     * @throws ProductRefused when the product is not a set or a component is refused; nothing written
     */
    @Transactional
    public void replace(long setId, List<Line> lines, String actor) {
        String setCode = jdbc.sql("select code from product where id = ? and kind = 'SET' for update")
                .param(setId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new ProductRefused("components", "セット商品ではありません (ID " + setId + ")"));
        List<Problem> problems = check(setCode, lines);
        if (!problems.isEmpty()) {
            throw new ProductRefused(problems);
        }
        write(setId, lines);
        audit.record(
                actor,
                "SET_COMPONENTS_CHANGED",
                setCode,
                lines.stream().map(l -> l.code() + "×" + l.quantity()).collect(Collectors.joining(", ")));
    }

    /** Writes components that passed {@link #check}. */
    void write(long setId, List<Line> lines) {
        jdbc.sql("delete from product_set_component where set_id = ?")
                .param(setId)
                .update();
        for (Line line : lines) {
            jdbc.sql("insert into product_set_component (set_id, component_id, quantity)"
                            + " select ?, id, ? from product where code = ?")
                    .params(setId, line.quantity(), line.code())
                    .update();
        }
    }

    /** The editor's text of a set's components now. */
    public String text(long setId) {
        return jdbc
                .sql("select p.code, c.quantity from product_set_component c join product p on p.id ="
                        + " c.component_id where c.set_id = ? order by p.code")
                .param(setId)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2))
                .list()
                .stream()
                .collect(Collectors.joining("\n"));
    }

    /** The sets a SKU is a component of, by code. */
    public List<String> setsContaining(long productId) {
        return jdbc.sql("select p.code from product_set_component c join product p on p.id = c.set_id"
                        + " where c.component_id = ? order by p.code")
                .param(productId)
                .query(String.class)
                .list();
    }

    private Map<String, String> kinds(List<String> codes) {
        return jdbc
                .sql("select code, kind from product where code = any(?)")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
