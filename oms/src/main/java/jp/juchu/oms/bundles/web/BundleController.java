package jp.juchu.oms.bundles.web;

import java.util.List;
import java.util.Map;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.orders.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 同梱: the candidate groups with 同梱する / 同梱しない, the merged groups with 同梱を取り消す (until printed) and the
 * shipping-fee difference to settle; the 同梱 panel of an order's page and the badges of the order list.
 */
@Controller
class BundleController {

    /** Badges asked for by one order-list page at most. */
    static final int MAX_BADGES = 200;

    private final Bundles bundles;

    BundleController(Bundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping("/bundles")
    String list(Model model) {
        model.addAttribute("candidates", bundles.inState(Bundles.State.CANDIDATE));
        model.addAttribute("merged", bundles.inState(Bundles.State.MERGED));
        model.addAttribute("findsOnImport", bundles.findsOnImport());
        return "bundles/list";
    }

    /** 取込時に同梱候補を探す: ON / OFF. */
    @PostMapping("/bundles/setting")
    @PreAuthorize("hasRole('ADMIN')")
    String setting(@RequestParam(defaultValue = "false") boolean on, Authentication user) {
        bundles.findOnImport(on, actor(user));
        return "redirect:/bundles";
    }

    @PostMapping("/bundles/{id}/merge")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long back,
            Authentication user,
            RedirectAttributes redirect) {
        return decide(id, back, redirect, "bundle.merged", () -> bundles.merge(id, actor(user)));
    }

    @PostMapping("/bundles/{id}/decline")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String decline(
            @PathVariable long id,
            @RequestParam(required = false) Long back,
            Authentication user,
            RedirectAttributes redirect) {
        return decide(id, back, redirect, "bundle.declined", () -> bundles.decline(id, actor(user)));
    }

    /** 同梱に加える: the new orders matching a merged group join it. */
    @PostMapping("/bundles/{id}/join")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String join(
            @PathVariable long id,
            @RequestParam(required = false) Long back,
            Authentication user,
            RedirectAttributes redirect) {
        return decide(id, back, redirect, "bundle.joined", () -> bundles.addJoining(id, actor(user)));
    }

    /** 加えない: they ship on their own. */
    @PostMapping("/bundles/{id}/join-decline")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String declineJoin(
            @PathVariable long id,
            @RequestParam(required = false) Long back,
            Authentication user,
            RedirectAttributes redirect) {
        return decide(id, back, redirect, "bundle.joinDeclined", () -> bundles.declineJoining(id, actor(user)));
    }

    @PostMapping("/bundles/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String undo(
            @PathVariable long id,
            @RequestParam(required = false) Long back,
            Authentication user,
            RedirectAttributes redirect) {
        return decide(id, back, redirect, "bundle.undone", () -> bundles.undo(id, actor(user)));
    }

    private String decide(long id, Long back, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("bundleDone", done);
            redirect.addFlashAttribute("bundleId", id);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back == null ? "redirect:/bundles" : "redirect:/orders/" + back;
    }

    /** The 同梱 panel of an order's page: its group, with the same buttons as the 同梱 screen. */
    @GetMapping("/bundles/orders/{orderId}")
    String orderPanel(@PathVariable long orderId, Model model) {
        model.addAttribute("orderId", orderId);
        model.addAttribute(
                "group",
                bundles.groupOf(orderId)
                        .filter(g -> g.members().size() > 1 || !g.joining().isEmpty())
                        .orElse(null));
        return "bundles/order-panel";
    }

    /** The order list's badges (同梱候補 / 同梱), each swapped into its row by htmx. */
    @GetMapping("/bundles/badges")
    String badges(@RequestParam(name = "order", required = false) List<Long> ids, Model model) {
        Map<Long, Bundles.Group> groups =
                ids == null || ids.isEmpty() || ids.size() > MAX_BADGES ? Map.of() : bundles.openGroups(ids);
        model.addAttribute("groups", groups);
        return "bundles/badges";
    }

    private static Actor actor(Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return Actor.person(user.getName(), admin);
    }
}
