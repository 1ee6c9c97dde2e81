package jp.juchu.oms.products.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.products.ListingMapped;
import jp.juchu.oms.products.Listings.ItemKey;
import jp.juchu.oms.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the listings (商品対応表): a shop's item (and variation) mapped to a SKU or a set with a multiplier, by hand,
 * from 商品候補一覧, by "map equal codes" after the merchant confirmed the list, or from a CSV file — each through
 * {@link #check} and {@link #write}, which takes 未登録商品 off the orders that waited for the item and announces
 * {@link ListingMapped}.
 */
@Service
public class ListingEditing {

    public static final int MAX_MULTIPLIER = 9999;

    private final JdbcClient jdbc;
    private final MallConnections connections;
    private final UnmappedItems unmapped;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ListingEditing(
            JdbcClient jdbc,
            MallConnections connections,
            UnmappedItems unmapped,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.unmapped = unmapped;
        this.audit = audit;
        this.events = events;
    }

    /** A listing with its product and what the OMS saw of the shop's item. */
    public record ListingRow(
            long id,
            long connectionId,
            String itemCode,
            String variation,
            long productId,
            String productCode,
            String productName,
            String productKind,
            int multiplier,
            String shopName,
            Boolean inCatalogue,
            Integer catalogueQuantity,
            Long orderLines,
            OffsetDateTime lastOrderedAt) {}

    /** A shop's item seen in orders or in the catalogue that no listing maps yet (商品候補). */
    public record Candidate(
            long connectionId,
            String shopId,
            String itemCode,
            String variation,
            String name,
            Long unitPrice,
            long orderLines,
            OffsetDateTime lastOrderedAt,
            boolean inCatalogue,
            Integer catalogueQuantity,
            long ordersWaiting) {}

    /** A pair the automatic mapping offers: the shop's item and the product whose code equals it. */
    public record Pair(String itemCode, String variation, long productId, String productCode, String productName) {}

    /** What the merchant asks for: the item, the product code, the multiplier. */
    public record Mapping(
            long connectionId, String itemCode, String variation, String productCode, Integer multiplier) {

        public Mapping {
            itemCode = itemCode == null ? null : itemCode.strip();
            variation = variation == null ? "" : variation.strip();
            productCode = productCode == null ? null : productCode.strip();
        }
    }

    private static final String ROW = "select l.id, l.connection_id, l.item_code, l.variation, l.product_id,"
            + " p.code as product_code, p.name as product_name, p.kind as product_kind, l.multiplier,"
            + " c.shop_id as shop_name, s.in_catalogue, s.catalogue_quantity, s.order_lines, s.last_ordered_at"
            + " from listing l join product p on p.id = l.product_id join mall_connection c on c.id = l.connection_id"
            + " left join shop_item s on s.connection_id = l.connection_id and s.item_code = l.item_code"
            + " and s.variation = l.variation";

    /** The listings of a connection (all when null), narrowed by a word in the item or product code or name. */
    public List<ListingRow> listings(Long connectionId, String q, int limit) {
        String like = q == null || q.isBlank() ? null : "%" + Searches.escape(q.strip()) + "%";
        return jdbc.sql(ROW + " where (cast(? as bigint) is null or l.connection_id = ?)"
                        + " and (cast(? as varchar) is null or l.item_code ilike ? or p.code ilike ? or p.name ilike ?)"
                        + " order by l.connection_id, l.item_code, l.variation limit ?")
                .params(connectionId, connectionId, like, like, like, like, limit)
                .query(ListingRow.class)
                .list();
    }

    public List<ListingRow> ofProduct(long productId) {
        return jdbc.sql(ROW + " where l.product_id = ? order by l.connection_id, l.item_code, l.variation")
                .param(productId)
                .query(ListingRow.class)
                .list();
    }

    public Optional<ListingRow> listing(long id) {
        return jdbc.sql(ROW + " where l.id = ?")
                .param(id)
                .query(ListingRow.class)
                .optional();
    }

    /**
     * The items seen in orders or in a catalogue that nothing maps, of a connection (all when null); in an own
     * channel an item whose code is a product's is mapped already. Those most ordered lately first.
     */
    public List<Candidate> candidates(Long connectionId, int limit) {
        return jdbc.sql(CANDIDATES + " order by orders_waiting desc, s.last_ordered_at desc nulls last, s.item_code,"
                        + " s.variation limit ?")
                .params(connectionId, connectionId, null, null, null, limit)
                .query(Candidate.class)
                .list();
    }

    public long candidateCount(Long connectionId) {
        return jdbc.sql("select count(*) from (" + CANDIDATES + ") c")
                .params(connectionId, connectionId, null, null, null)
                .query(Long.class)
                .single();
    }

    public Optional<Candidate> candidate(long connectionId, String itemCode, String variation) {
        return jdbc.sql(CANDIDATES)
                .params(connectionId, connectionId, itemCode, itemCode, variation == null ? "" : variation.strip())
                .query(Candidate.class)
                .optional();
    }

    private static final String CANDIDATES = "select s.connection_id, c.shop_id, s.item_code, s.variation, s.name,"
            + " s.unit_price, s.order_lines, s.last_ordered_at, s.in_catalogue, s.catalogue_quantity,"
            + " (select count(*) from unmapped_order_item u where u.connection_id = s.connection_id"
            + " and u.item_code = s.item_code and u.variation = s.variation) as orders_waiting"
            + " from shop_item s join mall_connection c on c.id = s.connection_id"
            + " where (cast(? as bigint) is null or s.connection_id = ?)"
            + " and (cast(? as varchar) is null or (s.item_code = ? and s.variation = ?))"
            + " and not exists (select 1 from listing l where l.connection_id = s.connection_id"
            + " and l.item_code = s.item_code and l.variation = s.variation)"
            + " and not (c.mall in ('MANUAL', 'CSV') and s.variation = ''"
            + " and exists (select 1 from product p where p.code = s.item_code))";

    /**
     * What is wrong with a mapping; {@code listingId} is the listing being changed, null for a new one.
     * The product is looked up by code; the item must be one of its shop's (a new one).
     */
    public List<Problem> check(Mapping m, Long listingId) {
        List<Problem> problems = new ArrayList<>();
        if (listingId == null && connections.find(m.connectionId()).isEmpty()) {
            problems.add(new Problem("connectionId", "ショップ (接続ID " + m.connectionId() + ") がありません"));
        }
        if (m.itemCode() == null || m.itemCode().isEmpty()) {
            problems.add(new Problem("itemCode", "ショップの商品コードを入力してください"));
        } else if (m.itemCode().length() > 100 || Text.hasLineBreakOrControl(m.itemCode())) {
            problems.add(new Problem("itemCode", "ショップの商品コードは改行なし100文字までです"));
        }
        if (m.variation().length() > 200 || Text.hasLineBreakOrControl(m.variation())) {
            problems.add(new Problem("variation", "バリエーションは改行なし200文字までです"));
        }
        if (m.productCode() == null || m.productCode().isEmpty()) {
            problems.add(new Problem("productCode", "紐付ける商品コード (SKU・セット) を入力してください"));
        } else if (productId(m.productCode()).isEmpty()) {
            problems.add(new Problem("productCode", "商品コード「" + Text.printable(m.productCode()) + "」は登録されていません"));
        }
        if (m.multiplier() == null || m.multiplier() < 1 || m.multiplier() > MAX_MULTIPLIER) {
            problems.add(new Problem("multiplier", "倍率は 1〜" + MAX_MULTIPLIER + " で入力してください"));
        }
        if (listingId == null
                && problems.isEmpty()
                && existing(m.connectionId(), m.itemCode(), m.variation()).isPresent()) {
            problems.add(new Problem(
                    "itemCode",
                    "「" + m.itemCode() + (m.variation().isEmpty() ? "" : " (" + m.variation() + ")")
                            + "」はもう紐付けられています。変更は商品対応表から行ってください"));
        }
        return problems;
    }

    /**
     * Maps a shop's item.
     *
     * @return the listing's id
     * @throws ProductRefused with every problem; nothing written
     */
    @Transactional
    public long add(Mapping m, String actor) {
        List<Problem> problems = check(m, null);
        if (!problems.isEmpty()) {
            throw new ProductRefused(problems);
        }
        long id = write(m);
        audit.record(actor, "LISTING_ADDED", target(m), "→ " + m.productCode() + " ×" + m.multiplier());
        return id;
    }

    /**
     * Changes what a listing maps to.
     *
     * @throws ProductRefused with every problem; nothing written
     */
    @Transactional
    public void change(long listingId, String productCode, Integer multiplier, String actor) {
        ListingRow row = listing(listingId).orElseThrow(() -> new ProductRefused(null, "対応が見つかりません"));
        Mapping m = new Mapping(row.connectionId(), row.itemCode(), row.variation(), productCode, multiplier);
        List<Problem> problems = check(m, listingId);
        if (!problems.isEmpty()) {
            throw new ProductRefused(problems);
        }
        write(m);
        audit.record(
                actor,
                "LISTING_CHANGED",
                target(m),
                row.productCode() + " ×" + row.multiplier() + " → " + m.productCode() + " ×" + m.multiplier());
    }

    @Transactional
    public void remove(long listingId, String actor) {
        ListingRow row = listing(listingId).orElseThrow(() -> new ProductRefused(null, "対応が見つかりません"));
        jdbc.sql("delete from listing where id = ?").param(listingId).update();
        audit.record(
                actor,
                "LISTING_REMOVED",
                target(new Mapping(row.connectionId(), row.itemCode(), row.variation(), null, null)),
                row.productCode() + " ×" + row.multiplier());
    }

    /** Writes (inserts or replaces) a mapping that passed {@link #check}, then takes the alert off. */
    long write(Mapping m) {
        long productId = productId(m.productCode()).orElseThrow();
        long id = jdbc.sql("insert into listing (connection_id, item_code, variation, product_id, multiplier)"
                        + " values (?, ?, ?, ?, ?) on conflict (connection_id, item_code, variation)"
                        + " do update set product_id = excluded.product_id, multiplier = excluded.multiplier"
                        + " returning id")
                .params(m.connectionId(), m.itemCode(), m.variation(), productId, m.multiplier())
                .query(Long.class)
                .single();
        unmapped.mapped(m.connectionId(), m.itemCode(), m.variation());
        events.publishEvent(new ListingMapped(m.connectionId(), m.itemCode(), m.variation(), productId));
        return id;
    }

    /**
     * The pairs "map equal codes" offers for a connection: each unmapped item without variations whose code is a
     * product's code, and each unmapped variation whose item code is a product group's parent code and whose choices
     * are the product's variation values ({@code 白/M} ↔ カラー: 白, サイズ: M).
     */
    public List<Pair> autoMapPreview(long connectionId) {
        List<Pair> pairs = new ArrayList<>(jdbc.sql("select s.item_code, s.variation, p.id as product_id,"
                        + " p.code as product_code, p.name as product_name from shop_item s"
                        + " join product p on p.code = s.item_code and s.variation = '' and p.active"
                        + " where s.connection_id = ? and not exists (select 1 from listing l where l.connection_id"
                        + " = s.connection_id and l.item_code = s.item_code and l.variation = s.variation)"
                        + " order by s.item_code")
                .param(connectionId)
                .query(Pair.class)
                .list());
        List<ItemKey> variations = jdbc.sql("select s.item_code, s.variation from shop_item s where"
                        + " s.connection_id = ? and s.variation <> '' and not exists (select 1 from listing l where"
                        + " l.connection_id = s.connection_id and l.item_code = s.item_code"
                        + " and l.variation = s.variation) and exists (select 1 from product p where p.parent_code ="
                        + " s.item_code) order by s.item_code, s.variation")
                .param(connectionId)
                .query(ItemKey.class)
                .list();
        for (ItemKey item : variations) {
            jdbc
                    .sql("select " + ProductEntry.COLUMNS
                            + " from product where parent_code = ? and active order by code")
                    .param(item.itemCode())
                    .query(ProductEntry.class)
                    .list()
                    .stream()
                    .filter(p -> p.variationKey().equals(item.variation()))
                    .findFirst()
                    .ifPresent(p -> pairs.add(new Pair(item.itemCode(), item.variation(), p.id(), p.code(), p.name())));
        }
        return pairs;
    }

    /**
     * Writes the pairs of the preview the merchant kept (a pair no longer offered — mapped meanwhile, its product
     * gone — is left out), all in one transaction, multiplier 1.
     *
     * @return how many items were mapped
     */
    @Transactional
    public int autoMap(long connectionId, Set<ItemKey> chosen, String actor) {
        Set<ItemKey> wanted = new HashSet<>(chosen);
        int count = 0;
        for (Pair p : autoMapPreview(connectionId)) {
            if (wanted.contains(new ItemKey(p.itemCode(), p.variation()))) {
                write(new Mapping(connectionId, p.itemCode(), p.variation(), p.productCode(), 1));
                count++;
            }
        }
        if (count > 0) {
            audit.record(actor, "LISTINGS_AUTO_MAPPED", "接続ID " + connectionId, count + "件を同じコードの商品に紐付け");
        }
        return count;
    }

    Optional<Long> existing(long connectionId, String itemCode, String variation) {
        return jdbc.sql("select id from listing where connection_id = ? and item_code = ? and variation = ?")
                .params(connectionId, itemCode, variation)
                .query(Long.class)
                .optional();
    }

    private Optional<Long> productId(String code) {
        return jdbc.sql("select id from product where code = ?")
                .param(code)
                .query(Long.class)
                .optional();
    }

    private static String target(Mapping m) {
        return "接続ID " + m.connectionId() + " " + m.itemCode()
                + (m.variation().isEmpty() ? "" : " (" + m.variation() + ")");
    }
}
