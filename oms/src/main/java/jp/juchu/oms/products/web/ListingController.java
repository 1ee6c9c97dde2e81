package jp.juchu.oms.products.web;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.products.Listings.ItemKey;
import jp.juchu.oms.products.internal.CatalogueReading;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.Problem;
import jp.juchu.oms.products.internal.ProductRefused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 商品対応表 per shop (mapped and unmapped items, add / change / remove, the shop's catalogue read over its API,
 * "map equal codes" after a confirmation list) and 商品候補一覧 across the shops.
 */
@Controller
class ListingController {

    static final int LIMIT = 1000;

    private final ListingEditing listings;
    private final CatalogueReading catalogue;
    private final MallConnections connections;

    ListingController(ListingEditing listings, CatalogueReading catalogue, MallConnections connections) {
        this.listings = listings;
        this.catalogue = catalogue;
        this.connections = connections;
    }

    @GetMapping("/products/listings")
    String listings(
            @RequestParam(required = false) Long connection, @RequestParam(required = false) String q, Model model) {
        List<MallConnection> all = connections.channels();
        MallConnection selected = connection == null
                ? all.stream().filter(c -> !c.ownChannel()).findFirst().orElse(all.isEmpty() ? null : all.get(0))
                : connections.find(connection).orElse(null);
        model.addAttribute("connections", all);
        model.addAttribute("selected", selected);
        model.addAttribute("q", q);
        if (selected != null) {
            model.addAttribute("listings", listings.listings(selected.id(), q, LIMIT));
            model.addAttribute("unmapped", listings.candidates(selected.id(), LIMIT));
            model.addAttribute("unmappedCount", listings.candidateCount(selected.id()));
        }
        return "products/listings";
    }

    @GetMapping("/products/candidates")
    String candidates(@RequestParam(required = false) Long connection, Model model) {
        model.addAttribute("connections", connections.channels());
        model.addAttribute("connection", connection);
        model.addAttribute("candidates", listings.candidates(connection, LIMIT));
        model.addAttribute("count", listings.candidateCount(connection));
        return "products/candidates";
    }

    @PostMapping("/products/listings")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String add(
            @RequestParam long connectionId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(defaultValue = "") String variation,
            @RequestParam(required = false) String productCode,
            @RequestParam(required = false) Integer multiplier,
            @RequestParam(defaultValue = "listings") String back,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            listings.add(
                    new ListingEditing.Mapping(
                            connectionId, itemCode, variation, productCode, multiplier == null ? 1 : multiplier),
                    principal.getName());
            redirect.addFlashAttribute("saved", itemCode + (variation.isBlank() ? "" : " (" + variation.strip() + ")"));
        } catch (ProductRefused e) {
            redirect.addFlashAttribute("errors", messages(e));
        }
        return back(back, connectionId);
    }

    @PostMapping("/products/listings/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) String productCode,
            @RequestParam(required = false) Integer multiplier,
            @RequestParam long connectionId,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            listings.change(id, productCode, multiplier, principal.getName());
            redirect.addFlashAttribute("saved", productCode);
        } catch (ProductRefused e) {
            redirect.addFlashAttribute("errors", messages(e));
        }
        return back("listings", connectionId);
    }

    @PostMapping("/products/listings/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String remove(
            @PathVariable long id, @RequestParam long connectionId, Principal principal, RedirectAttributes redirect) {
        try {
            listings.remove(id, principal.getName());
            redirect.addFlashAttribute("removed", true);
        } catch (ProductRefused e) {
            redirect.addFlashAttribute("errors", messages(e));
        }
        return back("listings", connectionId);
    }

    @PostMapping("/products/listings/{connectionId}/catalogue")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String readCatalogue(@PathVariable long connectionId, Principal principal, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("catalogue", catalogue.read(connectionId, principal.getName()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return back("listings", connectionId);
    }

    /** The confirmation list of "map equal codes": nothing is written until the merchant confirms. */
    @GetMapping("/products/listings/{connectionId}/auto-map")
    String autoMapPreview(@PathVariable long connectionId, Model model) {
        model.addAttribute("selected", connections.find(connectionId).orElse(null));
        model.addAttribute("pairs", listings.autoMapPreview(connectionId));
        return "products/auto-map";
    }

    @PostMapping("/products/listings/{connectionId}/auto-map")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String autoMap(
            @PathVariable long connectionId,
            @RequestParam(name = "itemCode", required = false) String[] itemCodes,
            @RequestParam(name = "variation", required = false) String[] variations,
            @RequestParam(name = "pick", required = false) int[] picks,
            Principal principal,
            RedirectAttributes redirect) {
        Set<ItemKey> chosen = new HashSet<>();
        if (picks != null && itemCodes != null && variations != null && itemCodes.length == variations.length) {
            for (int i : picks) {
                if (i >= 0 && i < itemCodes.length) {
                    chosen.add(new ItemKey(itemCodes[i], variations[i]));
                }
            }
        }
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("errors", List.of("紐付ける組み合わせを1つ以上選んでください。何も変更していません"));
            return "redirect:/products/listings/" + connectionId + "/auto-map";
        }
        redirect.addFlashAttribute("autoMapped", listings.autoMap(connectionId, chosen, principal.getName()));
        return back("listings", connectionId);
    }

    private static List<String> messages(ProductRefused e) {
        return e.problems().stream().map(Problem::message).toList();
    }

    private static String back(String back, long connectionId) {
        String path = "candidates".equals(back) ? "/products/candidates" : "/products/listings";
        return "redirect:"
                + UriComponentsBuilder.fromPath(path)
                        .queryParam("connection", connectionId)
                        .build()
                        .toUriString();
    }
}
