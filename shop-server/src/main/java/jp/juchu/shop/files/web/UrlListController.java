package jp.juchu.shop.files.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.CategoryNode;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductFilter;
import jp.juchu.shop.catalog.ProductPage;
import jp.juchu.shop.catalog.ProductSort;
import jp.juchu.shop.files.ProtectedDirectories;
import jp.juchu.shop.files.ProtectedDirectory;
import jp.juchu.shop.files.ShopFiles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Server → URL一覧: every public URL of the shop — the top page, the 特定商取引法 page, each category, each
 * product (a page of {@value #PRODUCTS_PER_PAGE} at a time) and each published file — with its status:
 * 公開中, 非公開 (not found by buyers), 認証あり (asks for a password) or 未作成.
 */
@Controller
class UrlListController {

    static final int PRODUCTS_PER_PAGE = 100;
    /** The storefront's page of the shop's legal notice, whatever the お店設定 module names it. */
    private static final Pattern LEGAL_PAGE = Pattern.compile("/shops/\\{shopId}/[a-z-]*(law|legal|tokusho)[a-z-]*");

    private final Catalog catalog;
    private final Categories categories;
    private final ShopFiles files;
    private final ProtectedDirectories directories;
    private final RequestMappingHandlerMapping mappings;

    UrlListController(
            Catalog catalog,
            Categories categories,
            ShopFiles files,
            ProtectedDirectories directories,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.catalog = catalog;
        this.categories = categories;
        this.files = files;
        this.directories = directories;
        this.mappings = mappings;
    }

    /** One URL of the shop and its status (a message key). */
    record ShopUrl(String kind, String title, String url, String status) {}

    @GetMapping("/admin/server/urls")
    String list(@RequestParam(defaultValue = "1") String page, Principal principal, Model model) {
        String shopId = principal.getName();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/shops/" + shopId)
                .toUriString();
        List<ShopUrl> pages = new ArrayList<>();
        pages.add(new ShopUrl("top", "トップページ", base + "/", "public"));
        Optional<String> legal = legalPage();
        pages.add(new ShopUrl(
                "legal",
                "特定商取引法に基づく表記",
                legal.map(p -> base + p.substring(("/shops/{shopId}").length())).orElse(""),
                legal.isPresent() ? "public" : "missing"));
        model.addAttribute("pages", pages);

        List<ShopUrl> categoryUrls = new ArrayList<>();
        addCategories(categories.tree(shopId), base, categoryUrls);
        model.addAttribute("categories", categoryUrls);

        int pageNumber = parsePage(page);
        ProductPage products = catalog.search(
                shopId,
                ProductFilter.of(null, null, null, null, ProductSort.OLDEST),
                pageNumber - 1,
                PRODUCTS_PER_PAGE);
        if (pageNumber > products.pages()) {
            pageNumber = products.pages();
            products = catalog.search(
                    shopId,
                    ProductFilter.of(null, null, null, null, ProductSort.OLDEST),
                    pageNumber - 1,
                    PRODUCTS_PER_PAGE);
        }
        List<ShopUrl> productUrls = new ArrayList<>();
        for (Product product : products.products()) {
            productUrls.add(new ShopUrl(
                    "item",
                    product.itemCode() + " " + product.name(),
                    UriComponentsBuilder.fromUriString(base)
                            .path("/items/{code}")
                            .buildAndExpand(product.itemCode())
                            .encode()
                            .toUriString(),
                    product.published() ? "public" : "unpublished"));
        }
        model.addAttribute("products", productUrls);
        model.addAttribute("productPage", products);
        model.addAttribute("pageNumber", pageNumber);

        List<ProtectedDirectory> guarded = directories.list(shopId);
        List<ShopUrl> fileUrls = new ArrayList<>();
        for (String file : files.listPublished(shopId)) {
            boolean isProtected = guarded.stream().anyMatch(d -> d.covers(file));
            fileUrls.add(new ShopUrl(
                    "file",
                    "/docs/" + file,
                    UriComponentsBuilder.fromUriString(base + "/docs/")
                            .path(file)
                            .encode()
                            .toUriString(),
                    isProtected ? "protected" : "public"));
        }
        model.addAttribute("files", fileUrls);
        return "files/urls";
    }

    private void addCategories(List<CategoryNode> nodes, String base, List<ShopUrl> out) {
        for (CategoryNode node : nodes) {
            out.add(new ShopUrl(
                    "category",
                    node.fullPath(),
                    UriComponentsBuilder.fromUriString(base + "/category")
                            .queryParam("path", "{path}")
                            .encode()
                            .buildAndExpand(node.fullPath())
                            .toUriString(),
                    "public"));
            addCategories(node.children(), base, out);
        }
    }

    private Optional<String> legalPage() {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> LEGAL_PAGE.matcher(p).matches())
                .sorted()
                .findFirst();
    }

    private static int parsePage(String page) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
