package jp.juchu.shop.shops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo the demo shop opened on first start when {@code enabled}
 */
@ConfigurationProperties("shop")
public record ShopSettings(@DefaultValue Demo demo) {

    /**
     * @param enabled open the demo shop on first start
     * @param shopId its shop ID
     * @param name its name
     * @param password its admin password (the second shop's too)
     * @param secondShopId a second demo shop selling the same products (stock shared through the OMS); blank for
     *     none
     * @param secondName its name
     */
    public record Demo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("sptest18pj") String shopId,
            @DefaultValue("ジュチュウ日本茶と雑貨の店") String name,
            @DefaultValue("demo-pass") String password,
            @DefaultValue("sptest18pk") String secondShopId,
            @DefaultValue("ジュチュウ日本茶と雑貨の店 2号店") String secondName) {}
}
