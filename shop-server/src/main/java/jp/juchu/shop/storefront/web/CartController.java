package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import jp.juchu.shop.storefront.Carts;
import jp.juchu.shop.storefront.Offer;
import jp.juchu.shop.storefront.Shelf;
import jp.juchu.shop.storefront.StorefrontPorts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cart: add from a product page, change a quantity, remove a line; stock is checked each time. */
@Controller
@RequestMapping("/shops/{shopId}/cart")
class CartController {

    /** A cart line as the cart page shows it. */
    record CartRow(
            String itemCode,
            String variation,
            String name,
            long unitPrice,
            int taxPercent,
            int quantity,
            Integer available) {
        public long subtotal() {
            return unitPrice * quantity;
        }
    }

    private final Carts carts;
    private final StorefrontPorts ports;

    CartController(Carts carts, StorefrontPorts ports) {
        this.carts = carts;
        this.ports = ports;
    }

    @GetMapping
    String cart(@PathVariable String shopId, HttpServletRequest request, Model model) {
        List<CartRow> rows = rows(ports.shelf(), carts, shopId, CartCookie.read(request));
        model.addAttribute("rows", rows);
        model.addAttribute(
                "itemsTotal", rows.stream().mapToLong(CartRow::subtotal).sum());
        return "storefront/cart";
    }

    @PostMapping("/add")
    String add(
            @PathVariable String shopId,
            @RequestParam String itemCode,
            @RequestParam(required = false) List<String> choice,
            @RequestParam(defaultValue = "1") int quantity,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String variation = choice == null ? "" : String.join("/", choice);
        Optional<Offer> offer = ports.shelf().offer(shopId, itemCode, variation);
        if (offer.isEmpty() || (choice != null && choice.stream().anyMatch(String::isBlank))) {
            redirect.addFlashAttribute("error", "storefront.cart.chooseVariation");
            return "redirect:/shops/" + shopId + "/items/" + itemCode;
        }
        UUID cartId = CartCookie.readOrIssue(request, response);
        int inCart = carts.quantity(cartId, shopId, itemCode, variation);
        if (quantity > Carts.MAX_QUANTITY || inCart + quantity > Carts.MAX_QUANTITY) {
            redirect.addFlashAttribute("error", "storefront.cart.tooMany");
            redirect.addFlashAttribute("errorArgs", new Object[] {Carts.MAX_QUANTITY});
            return "redirect:/shops/" + shopId + "/items/" + itemCode;
        }
        if (inCart == 0 && carts.lines(cartId, shopId).size() >= Carts.MAX_LINES) {
            redirect.addFlashAttribute("error", "storefront.cart.full");
            redirect.addFlashAttribute("errorArgs", new Object[] {Carts.MAX_LINES});
            return "redirect:/shops/" + shopId + "/items/" + itemCode;
        }
        int wanted = inCart + Math.max(1, quantity);
        if (!offer.get().allows(wanted)) {
            redirect.addFlashAttribute("error", "storefront.cart.beyondStock");
            redirect.addFlashAttribute(
                    "errorArgs", new Object[] {offer.get().name(), offer.get().available()});
            return "redirect:/shops/" + shopId + "/items/" + itemCode;
        }
        carts.set(cartId, shopId, itemCode, variation, wanted);
        redirect.addFlashAttribute("notice", "storefront.cart.added");
        return "redirect:/shops/" + shopId + "/cart";
    }

    @PostMapping("/update")
    String update(
            @PathVariable String shopId,
            @RequestParam String itemCode,
            @RequestParam(defaultValue = "") String variation,
            @RequestParam int quantity,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID cartId = CartCookie.read(request);
        if (cartId != null) {
            Optional<Offer> offer = ports.shelf().offer(shopId, itemCode, variation);
            if (quantity > Carts.MAX_QUANTITY) {
                redirect.addFlashAttribute("error", "storefront.cart.tooMany");
                redirect.addFlashAttribute("errorArgs", new Object[] {Carts.MAX_QUANTITY});
            } else if (offer.isPresent() && !offer.get().allows(quantity)) {
                redirect.addFlashAttribute("error", "storefront.cart.beyondStock");
                redirect.addFlashAttribute(
                        "errorArgs",
                        new Object[] {offer.get().name(), offer.get().available()});
            } else {
                carts.set(cartId, shopId, itemCode, variation, quantity);
            }
        }
        return "redirect:/shops/" + shopId + "/cart";
    }

    @PostMapping("/remove")
    String remove(
            @PathVariable String shopId,
            @RequestParam String itemCode,
            @RequestParam(defaultValue = "") String variation,
            HttpServletRequest request) {
        UUID cartId = CartCookie.read(request);
        if (cartId != null) {
            carts.remove(cartId, shopId, itemCode, variation);
        }
        return "redirect:/shops/" + shopId + "/cart";
    }

    /** The cart's lines priced now; lines whose item is gone from the shop are dropped. */
    static List<CartRow> rows(Shelf shelf, Carts carts, String shopId, UUID cartId) {
        List<CartRow> rows = new ArrayList<>();
        for (Carts.Line line : carts.lines(cartId, shopId)) {
            shelf.offer(shopId, line.itemCode(), line.variation())
                    .map(o -> new CartRow(
                            o.itemCode(),
                            o.variation(),
                            o.name(),
                            o.unitPrice(),
                            o.taxPercent(),
                            line.quantity(),
                            o.available()))
                    .ifPresent(rows::add);
        }
        return rows.stream().filter(Objects::nonNull).toList();
    }
}
