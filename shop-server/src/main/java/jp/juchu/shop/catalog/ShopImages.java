package jp.juchu.shop.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.juchu.shop.system.InputRules;
import jp.juchu.shop.system.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's uploaded images (画像管理): every upload, from the admin page or the product form, goes
 * through {@link #upload}, which checks the content (JPEG, PNG, GIF or WebP by its first bytes), the size
 * and the shop's count, and makes the name safe. Every read names the shop.
 */
@Service
public class ShopImages {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PER_SHOP = 100;
    public static final int MAX_NAME_LENGTH = 100;

    /** Anything but letters (any script), digits, dot, hyphen and underscore becomes an underscore. */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");

    private static final String COLUMNS = """
            i.id, i.shop_id, i.file_name, i.content_type, i.size_bytes, i.width, i.height, p.item_code,
            i.updated_at""";

    private final JdbcClient jdbc;

    ShopImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores an image for the shop, attached to a product when {@code itemCode} is given.
     *
     * @throws InvalidImage saying in Japanese why it was refused; nothing is stored then
     */
    @Transactional
    public ShopImage upload(String shopId, String originalName, byte[] content, String itemCode) {
        if (content == null || content.length == 0) {
            throw new InvalidImage("画像ファイルを選んでください");
        }
        checkSize(content.length);
        ImageType type = ImageType.of(content)
                .orElseThrow(() -> new InvalidImage("JPEG・PNG・GIF・WebP の画像だけを登録できます（ファイルの中身が画像ではありません）"));
        Optional<int[]> dimensions = type.dimensions(content);
        if (dimensions.isEmpty() && type != ImageType.WEBP) {
            throw new InvalidImage("画像ファイルが壊れているため読み取れません");
        }
        Long productId = null;
        if (itemCode != null && !itemCode.isBlank()) {
            if (itemCode.strip().length() > 60 || InputRules.hasControlCharacters(itemCode)) {
                throw new InvalidImage("商品コードは60文字以内で、制御文字を含めずに入力してください");
            }
            productId = jdbc.sql("select id from product where shop_id = ? and item_code = ?")
                    .params(shopId, itemCode.strip())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new InvalidImage("商品コード " + itemCode.strip() + " の商品がありません"));
        }
        // one upload at a time per shop, so two at once cannot both pass the count
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query(String.class)
                .single();
        long count = jdbc.sql("select count(*) from shop_image where shop_id = ?")
                .param(shopId)
                .query(Long.class)
                .single();
        if (count >= MAX_PER_SHOP) {
            throw new InvalidImage("画像は1店舗" + MAX_PER_SHOP + "枚までです。不要な画像を削除してから登録してください");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into shop_image (id, shop_id, product_id, file_name, content_type, size_bytes, width,
                            height, content)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        shopId,
                        productId,
                        safeName(originalName, type),
                        type.contentType,
                        content.length,
                        dimensions.map(d -> d[0]).orElse(null),
                        dimensions.map(d -> d[1]).orElse(null),
                        content)
                .update();
        return find(shopId, id).orElseThrow();
    }

    /**
     * A name safe in a URL path and a file system: no directories, no control or special characters, the
     * extension of the detected type, at most {@value #MAX_NAME_LENGTH} characters.
     */
    static String safeName(String originalName, ImageType type) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        stem = UNSAFE.matcher(stem).replaceAll("_").replaceAll("^[._]+", "");
        if (stem.isEmpty()) {
            stem = "image";
        }
        int room = MAX_NAME_LENGTH - type.extension.length() - 1;
        if (stem.length() > room) {
            stem = stem.substring(0, room);
        }
        return stem + "." + type.extension;
    }

    /** @throws InvalidImage when an image of this many bytes is over the limit */
    public static void checkSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new InvalidImage("画像は1枚5MBまでです（このファイルは" + String.format("%.1f", bytes / 1024.0 / 1024.0) + "MB）");
        }
    }

    public Optional<ShopImage> find(String shopId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from shop_image i left join product p on p.id = i.product_id"
                        + " where i.shop_id = ? and i.id = ?")
                .params(shopId, id)
                .query(ShopImages::image)
                .optional();
    }

    /** The shop's images, most recently changed first. */
    public List<ShopImage> list(String shopId, int from, int size) {
        return jdbc.sql("select " + COLUMNS + " from shop_image i left join product p on p.id = i.product_id"
                        + " where i.shop_id = ? order by i.updated_at desc, i.id limit ? offset ?")
                .params(shopId, size, from)
                .query(ShopImages::image)
                .list();
    }

    public long count(String shopId) {
        return jdbc.sql("select count(*) from shop_image where shop_id = ?")
                .param(shopId)
                .query(Long.class)
                .single();
    }

    /** The images shown on a product's page, in the order they were uploaded. */
    public List<ShopImage> ofProduct(String shopId, String itemCode) {
        if (itemCode == null || itemCode.length() > 60 || InputRules.hasControlCharacters(itemCode)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from shop_image i join product p on p.id = i.product_id"
                        + " where i.shop_id = ? and p.shop_id = ? and p.item_code = ? order by i.created_at, i.id")
                .params(shopId, shopId, itemCode)
                .query(ShopImages::image)
                .list();
    }

    /** The bytes of one of the shop's images; empty for another shop's id, so none can be read across shops. */
    public Optional<ImageFile> file(String shopId, UUID id) {
        return jdbc.sql("select content_type, content, updated_at from shop_image where shop_id = ? and id = ?")
                .params(shopId, id)
                .query((rs, n) -> new ImageFile(
                        rs.getString("content_type"),
                        rs.getBytes("content"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Deletes one of the shop's images; false when the shop has no such image. */
    @Transactional
    public boolean delete(String shopId, UUID id) {
        return jdbc.sql("delete from shop_image where shop_id = ? and id = ?")
                        .params(shopId, id)
                        .update()
                > 0;
    }

    private static ShopImage image(ResultSet rs, int n) throws SQLException {
        return new ShopImage(
                rs.getObject("id", UUID.class),
                rs.getString("shop_id"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"),
                rs.getString("item_code"),
                rs.getObject("updated_at", OffsetDateTime.class)
                        .atZoneSameInstant(TimeConfiguration.TOKYO)
                        .toOffsetDateTime());
    }
}
