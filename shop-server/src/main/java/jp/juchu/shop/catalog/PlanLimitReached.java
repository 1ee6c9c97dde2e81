package jp.juchu.shop.catalog;

/** The shop already has as many products as its plan allows (商品数の上限). */
public class PlanLimitReached extends RuntimeException {

    private final int limit;

    public PlanLimitReached(int limit) {
        super("ご契約のプランで登録できる商品数の上限 (" + limit + "件) に達しています。不要な商品を削除してから登録してください。");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
