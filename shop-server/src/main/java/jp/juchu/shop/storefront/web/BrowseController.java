package jp.juchu.shop.storefront.web;

import jp.juchu.shop.settings.ShopSetups;
import jp.juchu.shop.storefront.StorefrontPorts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Browsing the shop: the top page, the category tree, keyword search and product pages. */
@Controller
@RequestMapping("/shops/{shopId}")
class BrowseController {

    static final int TOP_COUNT = 8;

    private final StorefrontPorts ports;
    private final ShopSetups setups;

    BrowseController(StorefrontPorts ports, ShopSetups setups) {
        this.ports = ports;
        this.setups = setups;
    }

    /** 特定商取引法に基づく表記: the shop's details and the notice it wrote in お店設定. */
    @GetMapping("/law")
    String law(@PathVariable String shopId, Model model) {
        model.addAttribute("details", setups.of(shopId).details());
        return "storefront/law";
    }

    @GetMapping({"", "/"})
    String top(@PathVariable String shopId, Model model) {
        model.addAttribute("newItems", ports.shelf().newest(shopId, TOP_COUNT));
        model.addAttribute("ranking", ports.shelf().ranking(shopId, 5));
        model.addAttribute("categories", ports.shelf().categoryTree(shopId));
        return "storefront/top";
    }

    @GetMapping("/category")
    String category(@PathVariable String shopId, @RequestParam String path, Model model) {
        model.addAttribute("path", path);
        model.addAttribute("items", ports.shelf().inCategory(shopId, path));
        model.addAttribute("categories", ports.shelf().categoryTree(shopId));
        return "storefront/list";
    }

    @GetMapping("/search")
    String search(@PathVariable String shopId, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute(
                "items", q.isBlank() ? java.util.List.of() : ports.shelf().search(shopId, q.strip()));
        model.addAttribute("categories", ports.shelf().categoryTree(shopId));
        return "storefront/list";
    }

    @GetMapping("/items/{itemCode}")
    String product(@PathVariable String shopId, @PathVariable String itemCode, Model model) {
        model.addAttribute(
                "product",
                ports.shelf()
                        .product(shopId, itemCode)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("images", ports.shelf().imagePaths(shopId, itemCode));
        return "storefront/product";
    }
}
