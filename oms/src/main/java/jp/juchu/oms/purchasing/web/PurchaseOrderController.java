package jp.juchu.oms.purchasing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.purchasing.internal.JapanZone;
import jp.juchu.oms.purchasing.internal.PurchaseOrder;
import jp.juchu.oms.purchasing.internal.PurchaseOrderDesk;
import jp.juchu.oms.purchasing.internal.PurchaseOrderMailing;
import jp.juchu.oms.purchasing.internal.PurchaseOrderSheets;
import jp.juchu.oms.purchasing.internal.PurchaseOrderStatus;
import jp.juchu.oms.purchasing.internal.PurchaseOrders;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import jp.juchu.oms.purchasing.internal.Receiving;
import jp.juchu.oms.purchasing.internal.Suppliers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 発注伝票: the list, a new one, its page (edit, 発注する, キャンセル, 完了(残あり), 入荷), its PDF and CSV, and sending
 * it by e-mail.
 */
@Controller
class PurchaseOrderController {

    static final int NEW_LINES = 10;
    private static final int MAX_PAGE = 10_000;

    private final PurchaseOrders orders;
    private final PurchaseOrderDesk desk;
    private final Suppliers suppliers;
    private final PurchaseOrderSheets sheets;
    private final PurchaseOrderMailing mailing;
    private final Receiving receiving;
    private final Clock clock;

    PurchaseOrderController(
            PurchaseOrders orders,
            PurchaseOrderDesk desk,
            Suppliers suppliers,
            PurchaseOrderSheets sheets,
            PurchaseOrderMailing mailing,
            Receiving receiving,
            Clock clock) {
        this.orders = orders;
        this.desk = desk;
        this.suppliers = suppliers;
        this.sheets = sheets;
        this.mailing = mailing;
        this.receiving = receiving;
        this.clock = clock;
    }

    @GetMapping("/purchasing/orders")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            Model model) {
        PurchaseOrderStatus chosen = null;
        for (PurchaseOrderStatus s : PurchaseOrderStatus.values()) {
            if (s.name().equals(status)) {
                chosen = s;
            }
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 30) {
            model.addAttribute("errors", List.of("検索語は30文字以内で入力してください"));
            query = null;
        }
        int p = page(page);
        List<PurchaseOrders.Summary> rows = orders.list(chosen, null, query, false, p);
        model.addAttribute("rows", rows.stream().limit(PurchaseOrders.PAGE_SIZE).toList());
        model.addAttribute("more", rows.size() > PurchaseOrders.PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", PurchaseOrderStatus.values());
        model.addAttribute("q", query);
        model.addAttribute("today", JapanZone.today(clock));
        return "purchasing/orders";
    }

    @GetMapping("/purchasing/orders/new")
    String create(Model model) {
        model.addAttribute("suppliers", suppliers.active());
        model.addAttribute("newLines", NEW_LINES);
        model.addAttribute("f", Map.of());
        return "purchasing/order-new";
    }

    @PostMapping("/purchasing/orders/new")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String save(@RequestParam Map<String, String> form, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            long id = desk.create(
                    form.get("supplier"), form.get("dueOn"), form.get("note"), newLines(form), principal.getName());
            redirect.addFlashAttribute("saved", "発注伝票 (下書き) を作成しました");
            return "redirect:/purchasing/orders/" + id;
        } catch (PurchasingRefused e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("suppliers", suppliers.active());
            model.addAttribute("newLines", NEW_LINES);
            model.addAttribute("f", form);
            return "purchasing/order-new";
        }
    }

    @GetMapping("/purchasing/orders/{id}")
    String show(@PathVariable long id, Model model) {
        PurchaseOrder po = orders.find(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
        model.addAttribute("po", po);
        model.addAttribute("supplier", suppliers.find(po.supplierId()).orElseThrow());
        model.addAttribute("sending", orders.sending(id).orElse(null));
        model.addAttribute("receipts", receiving.latest(id, 200));
        model.addAttribute("today", JapanZone.today(clock));
        model.addAttribute("newLines", 3);
        return "purchasing/order";
    }

    @PostMapping("/purchasing/orders/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "発注伝票を保存しました", () -> {
            PurchaseOrder po = orders.find(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
            boolean linesEditable = "true".equals(form.get("linesEditable"));
            List<PurchaseOrderDesk.LineInput> lines = new ArrayList<>();
            if (linesEditable) {
                for (PurchaseOrder.Line l : po.lines()) {
                    if (form.containsKey("remove_" + l.id())) {
                        continue;
                    }
                    lines.add(new PurchaseOrderDesk.LineInput(
                            l.id(), l.code(), form.get("qty_" + l.id()), form.get("price_" + l.id())));
                }
                lines.addAll(newLines(form));
            }
            desk.edit(id, form.get("dueOn"), form.get("note"), lines, linesEditable);
        });
    }

    @PostMapping("/purchasing/orders/{id}/place")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String place(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "発注済にしました", () -> desk.place(id, JapanZone.today(clock)));
    }

    @PostMapping("/purchasing/orders/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "キャンセルしました", () -> desk.cancel(id));
    }

    @PostMapping("/purchasing/orders/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "完了(残あり)にしました", () -> desk.close(id, reason));
    }

    @PostMapping("/purchasing/orders/{id}/receive")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String receive(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Principal principal,
            RedirectAttributes redirect) {
        Map<Long, String> quantities = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("recv_") && k.substring(5).matches("[0-9]{1,18}") && v != null && !v.isBlank()) {
                quantities.put(Long.parseLong(k.substring(5)), v);
            }
        });
        try {
            List<PurchaseOrder.Received> done = receiving.receive(
                    id, quantities, "true".equals(form.get("confirmOver")), form.get("note"), principal.getName());
            redirect.addFlashAttribute(
                    "saved",
                    "入荷しました: "
                            + String.join(
                                    "、",
                                    done.stream()
                                            .map(r -> r.line().code() + " × " + r.quantity())
                                            .toList()));
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
            redirect.addFlashAttribute("over", e instanceof jp.juchu.oms.purchasing.internal.OverReceipt);
            redirect.addFlashAttribute("recv", form);
        }
        return "redirect:/purchasing/orders/" + id;
    }

    @PostMapping("/purchasing/orders/{id}/send")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String send(
            @PathVariable long id,
            @RequestParam(required = false) String to,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            String address = mailing.send(id, to, principal.getName());
            redirect.addFlashAttribute("saved", "発注書を " + address + " にメールで送信しました");
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/purchasing/orders/" + id;
    }

    @GetMapping("/purchasing/orders/{id}/pdf")
    String pdf(@PathVariable long id, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        PurchaseOrder po = orders.find(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
        byte[] pdf;
        try {
            pdf = sheets.pdf(po);
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
            return "redirect:/purchasing/orders/" + id;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"purchase-order-" + po.number() + ".pdf\"");
        response.getOutputStream().write(pdf);
        return null;
    }

    @GetMapping("/purchasing/orders/{id}/csv")
    String csv(@PathVariable long id, @RequestParam(required = false) String encoding, HttpServletResponse response)
            throws IOException {
        PurchaseOrder po = orders.find(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
        boolean sjis = "sjis".equals(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.csv(po, !sjis, out);
        response.setContentType(sjis ? "text/csv; charset=Shift_JIS" : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"purchase-order-" + po.number() + ".csv\"");
        response.getOutputStream().write(out.toByteArray());
        return null;
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/purchasing/orders/" + id;
    }

    private static List<PurchaseOrderDesk.LineInput> newLines(Map<String, String> form) {
        List<PurchaseOrderDesk.LineInput> lines = new ArrayList<>();
        for (int i = 0; i < NEW_LINES; i++) {
            lines.add(new PurchaseOrderDesk.LineInput(
                    null, form.get("new_code_" + i), form.get("new_qty_" + i), form.get("new_price_" + i)));
        }
        return lines;
    }

    static int page(String value) {
        try {
            return Math.min(MAX_PAGE, Math.max(0, Integer.parseInt(value == null ? "0" : value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
