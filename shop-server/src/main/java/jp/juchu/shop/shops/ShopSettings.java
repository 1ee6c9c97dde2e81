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
     * @param password its admin password
     */
    public record Demo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("sptest18pj") String shopId,
            @DefaultValue("ジュチュウ日本茶と雑貨の店") String name,
            @DefaultValue("demo-pass") String password) {}
}
