package jp.juchu.shop.shops.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import jp.juchu.shop.shops.Shop;
import jp.juchu.shop.shops.Shops;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in shop in every admin page's model, for the header (ショップID / 店の名前). */
@ControllerAdvice
class CurrentShopAdvice {

    private final Shops shops;

    CurrentShopAdvice(Shops shops) {
        this.shops = shops;
    }

    @ModelAttribute("currentShop")
    Shop currentShop(Principal principal, HttpServletRequest request) {
        if (principal == null || !request.getRequestURI().startsWith("/admin")) {
            return null;
        }
        return shops.find(principal.getName()).orElse(null);
    }
}
