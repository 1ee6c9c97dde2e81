package jp.juchu.oms.shipping.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.oms.shipping.CarrierSetting;
import jp.juchu.oms.shipping.CarrierSettings;
import jp.juchu.oms.shipping.SlipExports;
import jp.juchu.oms.shipping.TrackingImports;
import jp.juchu.oms.shipping.WriteBacks;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 出荷: slip export from the orders ready to ship, tracking-number import, carrier settings. */
@Controller
class ShippingController {

    private final SlipExports exports;
    private final TrackingImports trackingImports;
    private final CarrierSettings carriers;
    private final WriteBacks writeBacks;
    private final Orders orders;

    ShippingController(
            SlipExports exports,
            TrackingImports trackingImports,
            CarrierSettings carriers,
            WriteBacks writeBacks,
            Orders orders) {
        this.exports = exports;
        this.trackingImports = trackingImports;
        this.carriers = carriers;
        this.writeBacks = writeBacks;
        this.orders = orders;
    }

    @GetMapping("/shipping")
    String page(@RequestParam(required = false) Carrier carrier, Model model) {
        Carrier chosen = carrier != null
                ? carrier
                : carriers.all().stream()
                        .filter(CarrierSetting::isDefault)
                        .map(CarrierSetting::carrier)
                        .findFirst()
                        .orElse(Carrier.YAMATO);
        model.addAttribute("carrier", chosen);
        model.addAttribute("missing", missing(chosen));
        model.addAttribute(
                "carriers",
                carriers.all().stream().filter(CarrierSetting::enabled).toList());
        try {
            model.addAttribute("candidates", exports.readyToShip(chosen));
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("candidates", List.of());
            model.addAttribute("exportError", e.getMessage());
        }
        model.addAttribute("batches", exports.batches(20));
        return "shipping/page";
    }

    @PostMapping("/shipping/exports")
    String export(
            @RequestParam Carrier carrier,
            @RequestParam(name = "order", required = false) List<Long> orderIds,
            @RequestParam(defaultValue = "false") boolean again,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            SlipExports.Batch batch = exports.record(
                    carrier, orderIds == null ? List.of() : new ArrayList<>(orderIds), again, actor(user));
            redirect.addFlashAttribute("exported", batch);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/shipping?carrier=" + carrier;
    }

    @GetMapping("/shipping/exports/{id}/slips.csv")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        SlipExports.Batch batch = exports.batch(id);
        response.setContentType("text/csv; charset=Shift_JIS");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + batch.carrier().name().toLowerCase() + "-slips-" + id + ".csv\"");
        exports.write(id, response.getOutputStream());
    }

    @PostMapping("/shipping/tracking")
    String importTracking(
            @RequestParam Carrier carrier,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean overwrite,
            Authentication user,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "伝票番号のファイルを選んでください");
            return "redirect:/shipping";
        }
        try {
            redirect.addFlashAttribute(
                    "imported",
                    trackingImports.importFile(carrier, file.getOriginalFilename(), file, overwrite, actor(user)));
        } catch (TrackingImports.WrongFormat e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (TrackingImports.Refused e) {
            redirect.addFlashAttribute("refusedLines", e.errors());
        }
        return "redirect:/shipping";
    }

    /** What a carrier's slips need that is not set up yet, each with the page that sets it. */
    private List<Missing> missing(Carrier carrier) {
        return exports.missingSetup(carrier).stream()
                .map(m -> new Missing(m, m.contains("契約者情報") ? "/settings/contractor" : "/settings/carriers"))
                .toList();
    }

    /** A setting the slips need: what is missing and where to set it. */
    record Missing(String what, String link) {}

    private static Actor actor(Authentication user) {
        return Actor.person(
                user.getName(), user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
    }

    /**
     * The shipping panel of an order's page: each shipment's report to the shop, and the shipments not
     * reported because they have no tracking number yet; nothing for an order of an own channel (no shop).
     */
    @GetMapping("/shipping/orders/{orderId}")
    String orderPanel(@PathVariable long orderId, Model model) {
        List<WriteBacks.WriteBack> reports = writeBacks.ofOrder(orderId);
        model.addAttribute("writeBacks", reports);
        model.addAttribute(
                "unreported",
                orders.detail(orderId)
                        .filter(writeBacks::reportable)
                        .map(o -> o.shipments().stream()
                                .filter(s -> s.trackingNumber() == null)
                                .map(OrderDetail.Shipment::deliveryId)
                                .toList())
                        .orElse(List.of()));
        return "shipping/order-panel";
    }

    @GetMapping("/settings/carriers")
    String settings(Model model) {
        model.addAttribute("settings", carriers.all());
        return "shipping/carriers";
    }

    @PostMapping("/settings/carriers")
    String saveSettings(
            @RequestParam(name = "enabled", required = false) List<Carrier> enabled,
            @RequestParam(name = "default", required = false) Carrier byDefault,
            @RequestParam(name = "customerCode") List<String> customerCodes,
            RedirectAttributes redirect) {
        List<CarrierSetting> settings = new ArrayList<>();
        List<CarrierSetting> current = carriers.all();
        for (int i = 0; i < current.size(); i++) {
            Carrier c = current.get(i).carrier();
            settings.add(new CarrierSetting(
                    c,
                    enabled != null && enabled.contains(c),
                    c == byDefault,
                    i < customerCodes.size() ? customerCodes.get(i) : null));
        }
        try {
            carriers.save(settings);
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/carriers";
    }
}
