package jp.juchu.shop.catalog;

import java.sql.Array;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.shop.system.InputRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The purchase options of the shops' products: read by the admin and the open API, replaced by the admin. */
@Service
public class ProductOptions {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_CHOICES = 20;
    public static final int MAX_TEXT_LENGTH = 100;

    private final JdbcClient jdbc;

    ProductOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProductOption> of(String shopId, String itemCode) {
        return jdbc.sql("""
                        select o.name, o.kind, o.choices, o.max_length, o.required
                        from product_option o join product p on p.id = o.product_id
                        where p.shop_id = ? and p.item_code = ? order by o.position""")
                .params(shopId, itemCode)
                .query((rs, n) -> {
                    Array choices = rs.getArray("choices");
                    return new ProductOption(
                            rs.getString("name"),
                            ProductOption.Kind.valueOf(rs.getString("kind")),
                            Arrays.asList((String[]) choices.getArray()),
                            (Integer) rs.getObject("max_length"),
                            rs.getBoolean("required"));
                })
                .list();
    }

    /**
     * Replaces a product's options with these, all or nothing.
     *
     * @throws InvalidProduct naming the option ({@code options[1].choices}) and why
     * @throws ProductNotFound when the shop has no such product
     */
    @Transactional
    public List<ProductOption> replace(String shopId, String itemCode, List<ProductOption> options) {
        check(options);
        Long productId = jdbc.sql("select id from product where shop_id = ? and item_code = ?")
                .params(shopId, itemCode)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ProductNotFound(itemCode));
        jdbc.sql("delete from product_option where product_id = ?")
                .param(productId)
                .update();
        for (int i = 0; i < options.size(); i++) {
            ProductOption o = options.get(i);
            jdbc.sql("insert into product_option (product_id, position, name, kind, choices, max_length, required)"
                            + " values (?, ?, ?, ?, ?::text[], ?, ?)")
                    .params(
                            productId,
                            i + 1,
                            o.name().strip(),
                            o.kind().name(),
                            toArrayLiteral(o.kind() == ProductOption.Kind.Select ? o.choices() : List.of()),
                            o.kind() == ProductOption.Kind.Text ? o.maxLength() : null,
                            o.required())
                    .update();
        }
        return of(shopId, itemCode);
    }

    private static void check(List<ProductOption> options) {
        if (options.size() > MAX_OPTIONS) {
            throw new InvalidProduct("options", "オプションは3つまでです");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            ProductOption o = options.get(i);
            String at = "options[" + i + "]";
            if (o.name() == null || o.name().isBlank() || o.name().strip().length() > 40) {
                throw new InvalidProduct(at + ".name", "オプション名を40文字以内で入力してください");
            }
            if (InputRules.hasControlCharacters(o.name())) {
                throw new InvalidProduct(at + ".name", "オプション名に使用できない文字（制御文字）が含まれています");
            }
            if (!names.add(o.name().strip())) {
                throw new InvalidProduct(at + ".name", "オプション名 " + o.name().strip() + " が重複しています");
            }
            if (o.kind() == null) {
                throw new InvalidProduct(at + ".kind", "種類（選択式・文字入力）を選んでください");
            }
            if (o.kind() == ProductOption.Kind.Select) {
                List<String> choices = o.choices() == null ? List.of() : o.choices();
                if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
                    throw new InvalidProduct(at + ".choices", o.name() + " の選択肢を2〜20個入力してください");
                }
                Set<String> seen = new HashSet<>();
                for (String c : choices) {
                    if (c == null || c.isBlank() || c.length() > 40 || InputRules.hasControlCharacters(c)) {
                        throw new InvalidProduct(at + ".choices", o.name() + " の選択肢は1〜40文字で入力してください");
                    }
                    if (!seen.add(c)) {
                        throw new InvalidProduct(at + ".choices", o.name() + " の選択肢 " + c + " が重複しています");
                    }
                }
            } else if (o.maxLength() == null || o.maxLength() < 1 || o.maxLength() > MAX_TEXT_LENGTH) {
                throw new InvalidProduct(at + ".maxLength", o.name() + " の文字数の上限は1〜100で入力してください");
            }
        }
    }

    /** A PostgreSQL text[] literal: each element quoted, {@code "} and {@code \} escaped. */
    private static String toArrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).strip().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }
}
