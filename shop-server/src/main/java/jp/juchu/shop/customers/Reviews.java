package jp.juchu.shop.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product reviews (商品レビュー): posted with a rating, shown when published, moderated by the merchant. */
@Service
public class Reviews {

    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Review post(
            String shopId, String itemCode, int rating, String title, String body, String nickname, OffsetDateTime at) {
        if (rating < 1 || rating > 5) {
            throw new InvalidCustomer("rating", "評価は1〜5で指定してください");
        }
        if (title == null || title.isBlank() || title.length() > 100) {
            throw new InvalidCustomer("title", "タイトルを100文字以内で入力してください");
        }
        if (body == null || body.isBlank() || body.length() > 2000) {
            throw new InvalidCustomer("body", "本文を2,000文字以内で入力してください");
        }
        if (nickname == null || nickname.isBlank() || nickname.length() > 40) {
            throw new InvalidCustomer("nickname", "ニックネームを40文字以内で入力してください");
        }
        long id = jdbc.sql("insert into review (shop_id, item_code, rating, title, body, nickname, posted_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(shopId, itemCode, rating, title.strip(), body.strip(), nickname.strip(), at)
                .query(Long.class)
                .single();
        return new Review(id, itemCode, rating, title.strip(), body.strip(), nickname.strip(), at, true);
    }

    /** An item's published reviews, newest first, with their average rating. */
    public ItemReviews of(String shopId, String itemCode) {
        List<Review> reviews = jdbc.sql("select * from review where shop_id = ? and item_code = ? and published"
                        + " order by posted_at desc, id desc")
                .params(shopId, itemCode)
                .query(Reviews::review)
                .list();
        Double average = reviews.isEmpty()
                ? null
                : Math.round(reviews.stream().mapToInt(Review::rating).average().orElseThrow() * 10) / 10.0;
        return new ItemReviews(reviews, average);
    }

    /** The admin's review list: all reviews, filtered by item code and rating when given, newest first. */
    public List<Review> list(String shopId, String itemCode, Integer rating, int limit) {
        StringBuilder where = new StringBuilder("shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (itemCode != null && !itemCode.isBlank()) {
            where.append(" and item_code = ?");
            params.add(itemCode.strip());
        }
        if (rating != null) {
            where.append(" and rating = ?");
            params.add(rating);
        }
        params.add(limit);
        return jdbc.sql("select * from review where " + where + " order by posted_at desc, id desc limit ?")
                .params(params)
                .query(Reviews::review)
                .list();
    }

    @Transactional
    public void publish(String shopId, long id, boolean published) {
        if (jdbc.sql("update review set published = ? where shop_id = ? and id = ?")
                        .params(published, shopId, id)
                        .update()
                == 0) {
            throw new InvalidCustomer("id", "レビューが見つかりません");
        }
    }

    @Transactional
    public void delete(String shopId, long id) {
        if (jdbc.sql("delete from review where shop_id = ? and id = ?")
                        .params(shopId, id)
                        .update()
                == 0) {
            throw new InvalidCustomer("id", "レビューが見つかりません");
        }
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        return new Review(
                rs.getLong("id"),
                rs.getString("item_code"),
                rs.getInt("rating"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("nickname"),
                rs.getObject("posted_at", OffsetDateTime.class),
                rs.getBoolean("published"));
    }
}
