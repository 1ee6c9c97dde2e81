package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.juchu.shop.shops.Shop;
import jp.juchu.shop.shops.Shops;
import jp.juchu.shop.storefront.Carts;
import jp.juchu.shop.storefront.MemberView;
import jp.juchu.shop.storefront.StorefrontPorts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Every storefront page's frame: the shop (404 when there is none), the cart's size and the member. */
@ControllerAdvice(basePackageClasses = StorefrontFrameAdvice.class)
class StorefrontFrameAdvice {

    private final Shops shops;
    private final Carts carts;
    private final StorefrontPorts ports;

    StorefrontFrameAdvice(Shops shops, Carts carts, StorefrontPorts ports) {
        this.shops = shops;
        this.carts = carts;
        this.ports = ports;
    }

    @ModelAttribute("shop")
    Shop shop(@PathVariable String shopId) {
        return shops.find(shopId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @ModelAttribute("cartCount")
    int cartCount(@PathVariable String shopId, HttpServletRequest request) {
        return carts.lines(CartCookie.read(request), shopId).stream()
                .mapToInt(Carts.Line::quantity)
                .sum();
    }

    @ModelAttribute("member")
    MemberView member(@PathVariable String shopId, Authentication authentication) {
        String account = StorefrontSecurityConfiguration.MemberPrincipal.account(authentication, shopId);
        return account == null ? null : ports.members().find(shopId, account).orElse(null);
    }
}
