package jp.juchu.oms.shipping.web;

import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.oms.shipping.ShopSlip;
import jp.juchu.oms.shipping.ShopSlips;
import jp.juchu.support.address.Prefectures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** モール配送伝票: per shop, the carrier, the sender (ご依頼主) and the slip remark its orders' slips use. */
@Controller
class ShopSlipController {

    private final ShopSlips shopSlips;
    private final MallConnections connections;

    ShopSlipController(ShopSlips shopSlips, MallConnections connections) {
        this.shopSlips = shopSlips;
        this.connections = connections;
    }

    @GetMapping("/settings/shop-slips")
    String page(Model model) {
        Map<Long, ShopSlip> saved = shopSlips.all();
        List<ShopSlip> shops = connections.all().stream()
                .map(c -> saved.getOrDefault(c.id(), new ShopSlip(c.id(), null, null, null, null, null, null, null)))
                .toList();
        model.addAttribute("shops", shops);
        model.addAttribute(
                "names",
                connections.all().stream()
                        .collect(java.util.stream.Collectors.toMap(MallConnection::id, ShopSlipController::name)));
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("prefectures", Prefectures.ALL);
        return "shipping/shop-slips";
    }

    @PostMapping("/settings/shop-slips/{connectionId}")
    @PreAuthorize("hasRole('ADMIN')")
    String save(
            @PathVariable long connectionId,
            @RequestParam(defaultValue = "") String carrier,
            @RequestParam(defaultValue = "") String senderName,
            @RequestParam(defaultValue = "") String senderPhone,
            @RequestParam(defaultValue = "") String senderPostalCode,
            @RequestParam(defaultValue = "") String senderPrefecture,
            @RequestParam(defaultValue = "") String senderAddress,
            @RequestParam(defaultValue = "") String slipRemark,
            Authentication user,
            RedirectAttributes redirect) {
        if (connections.find(connectionId).isEmpty()) {
            redirect.addFlashAttribute("error", "ショップ " + connectionId + " はありません");
            return "redirect:/settings/shop-slips";
        }
        ShopSlip slip = new ShopSlip(
                connectionId,
                carrier,
                senderName,
                senderPhone,
                senderPostalCode,
                senderPrefecture,
                senderAddress,
                slipRemark);
        List<String> problems = ShopSlips.problems(slip);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(" / ", problems));
            redirect.addFlashAttribute("failedShop", connectionId);
            return "redirect:/settings/shop-slips";
        }
        shopSlips.save(slip, user.getName());
        redirect.addFlashAttribute("message", "モール配送伝票の設定を保存しました");
        return "redirect:/settings/shop-slips";
    }

    private static String name(MallConnection c) {
        return c.shopId() == null || c.shopId().isBlank() ? c.mall().name() : c.shopId();
    }
}
