package jp.juchu.shop.catalog;

/** No category with that full path at this shop. */
public class CategoryNotFound extends RuntimeException {

    public CategoryNotFound(String path) {
        super("カテゴリ " + path + " はありません");
    }
}
