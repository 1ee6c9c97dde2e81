package jp.juchu.oms.stocksync.web;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.ShopApiException;
import jp.juchu.oms.stocksync.StockSync;
import jp.juchu.oms.stocksync.SyncRule;
import jp.juchu.oms.stocksync.internal.Comparisons;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock sync pages (在庫連携): the shops, and per shop what is waiting, the last pushes, errors, 今すぐ送信,
 * 今すぐ照合, the first push's preview and confirmation, and each listing's rule.
 */
@Controller
class StockSyncController {

    static final int PREVIEW_LIMIT = 200;
    static final String OFF = "このショップの在庫連携はオフです (オプション設定)。オンにすると送信待ちの商品を送信します。";
    private static final Map<String, String> FIELDS = Map.of(
            "sharePercent", "共有率 (%)",
            "reserve", "確保数",
            "upperLimit", "上限数",
            "floorQuantity", "下限 (この在庫数未満は0)");
    private static final Map<String, String> RANGES = Map.of(
            "sharePercent", "0〜100", "reserve", "0〜999,999", "upperLimit", "0〜999,999", "floorQuantity", "0〜999,999");

    private final StockSync sync;
    private final Comparisons comparisons;
    private final MallConnections connections;
    private final AuditLog audit;

    StockSyncController(StockSync sync, Comparisons comparisons, MallConnections connections, AuditLog audit) {
        this.sync = sync;
        this.comparisons = comparisons;
        this.connections = connections;
        this.audit = audit;
    }

    record ShopRow(MallConnection connection, int waiting, boolean confirmed, boolean stopped, boolean enabled) {}

    @GetMapping("/stock-sync")
    String shops(Model model) {
        List<ShopRow> rows = connections.all().stream()
                .map(c -> {
                    var shop = sync.shop(c.id());
                    return new ShopRow(c, sync.waitingCount(c.id()), shop.confirmed(), shop.stopped(), shop.enabled());
                })
                .toList();
        model.addAttribute("shops", rows);
        return "stocksync/shops";
    }

    @GetMapping("/stock-sync/{connectionId}")
    String page(@PathVariable long connectionId, Model model) {
        model.addAttribute("connection", connection(connectionId));
        model.addAttribute("shop", sync.shop(connectionId));
        model.addAttribute("waiting", sync.waitingCount(connectionId));
        model.addAttribute("listings", sync.listings(connectionId));
        model.addAttribute("comparisons", sync.comparisons(connectionId));
        model.addAttribute("differences", sync.latestDifferences(connectionId));
        return "stocksync/shop";
    }

    /** The first push's preview: what each listing shows at the shop now, and what the OMS will push. */
    @GetMapping("/stock-sync/{connectionId}/preview")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String preview(@PathVariable long connectionId, Model model) {
        model.addAttribute("connection", connection(connectionId));
        try {
            var lines = sync.preview(connectionId, PREVIEW_LIMIT);
            model.addAttribute("lines", lines);
            model.addAttribute(
                    "changes",
                    lines.stream().filter(StockSync.PreviewLine::changes).count());
        } catch (ShopApiException e) {
            model.addAttribute("lines", List.of());
            model.addAttribute("changes", 0);
            model.addAttribute("previewError", "ショップの在庫を読めませんでした: " + e.getMessage());
        }
        model.addAttribute("limit", PREVIEW_LIMIT);
        return "stocksync/preview";
    }

    @PostMapping("/stock-sync/{connectionId}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String confirm(@PathVariable long connectionId, Principal principal, RedirectAttributes redirect) {
        MallConnection connection = connection(connectionId);
        sync.confirm(connectionId, principal.getName());
        audit.record(principal.getName(), "STOCK_SYNC_CONFIRMED", "connection:" + connectionId, connection.shopId());
        redirect.addFlashAttribute("message", "在庫連携を開始しました。送信待ちの商品を順に送信します。");
        return "redirect:/stock-sync/" + connectionId;
    }

    @PostMapping("/stock-sync/{connectionId}/push")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String pushNow(@PathVariable long connectionId, RedirectAttributes redirect) {
        connection(connectionId);
        if (!sync.shop(connectionId).confirmed()) {
            redirect.addFlashAttribute("error", "最初の送信の前に、変更内容を確認してください。");
            return "redirect:/stock-sync/" + connectionId;
        }
        if (!sync.shop(connectionId).enabled()) {
            redirect.addFlashAttribute("error", OFF);
            return "redirect:/stock-sync/" + connectionId;
        }
        int marked = sync.markAll(connectionId);
        redirect.addFlashAttribute("message", marked + "件の商品を送信待ちにしました。");
        return "redirect:/stock-sync/" + connectionId;
    }

    @PostMapping("/stock-sync/{connectionId}/compare")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String compareNow(@PathVariable long connectionId, RedirectAttributes redirect) {
        connection(connectionId);
        if (!sync.shop(connectionId).confirmed()) {
            redirect.addFlashAttribute("error", "最初の送信の前に、変更内容を確認してください。");
        } else if (!sync.shop(connectionId).enabled()) {
            redirect.addFlashAttribute("error", OFF);
        } else if (comparisons.compareNow(connectionId)) {
            redirect.addFlashAttribute("message", "照合を開始しました。結果はこのページに表示されます。");
        } else {
            redirect.addFlashAttribute("message", "照合はすでに実行中です。");
        }
        return "redirect:/stock-sync/" + connectionId;
    }

    @PostMapping("/stock-sync/{connectionId}/listings/{listingId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String saveRule(
            @PathVariable long connectionId,
            @PathVariable long listingId,
            @Valid @ModelAttribute ListingSyncForm form,
            BindingResult errors,
            Principal principal,
            RedirectAttributes redirect) {
        connection(connectionId);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute(
                    "error",
                    errors.getFieldErrors().stream()
                            .map(e -> e.getField())
                            .distinct()
                            .map(f -> FIELDS.getOrDefault(f, f) + "は" + RANGES.getOrDefault(f, "") + "の整数で入力してください。")
                            .reduce((a, b) -> a + " " + b)
                            .orElse("入力内容を確認してください。"));
            return "redirect:/stock-sync/" + connectionId;
        }
        int multiplier = sync.multiplier(connectionId, listingId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such listing"));
        sync.saveRule(
                connectionId,
                listingId,
                form.syncOn(),
                new SyncRule(form.sharePercent(), multiplier, form.reserve(), form.upperLimit(), form.floorQuantity()));
        redirect.addFlashAttribute("message", "連携設定を保存しました。");
        return "redirect:/stock-sync/" + connectionId;
    }

    private MallConnection connection(long connectionId) {
        return connections
                .find(connectionId)
                .filter(c -> !c.ownChannel())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such connection"));
    }
}
