package jp.juchu.oms.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import jp.juchu.oms.exchange.ExportColumn;
import jp.juchu.oms.exchange.ExportLayout;
import jp.juchu.oms.exchange.OrderExports;
import jp.juchu.oms.orders.Orders;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** データ書出: choose a layout, a period and a status, and download the order CSV; edit the layouts. */
@Controller
class ExchangeController {

    private final OrderExports exports;
    private final Orders orders;

    ExchangeController(OrderExports exports, Orders orders) {
        this.exports = exports;
        this.orders = orders;
    }

    @GetMapping("/exchange/export")
    String page(@RequestParam(required = false) Long layout, Model model) {
        List<ExportLayout> layouts = exports.layouts();
        model.addAttribute("layouts", layouts);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("columns", ExportColumn.values());
        model.addAttribute(
                "editing",
                layout == null
                        ? null
                        : layouts.stream()
                                .filter(l -> l.id() == layout)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
        return "exchange/export";
    }

    @PostMapping("/exchange/export")
    String export(
            @RequestParam long layout,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String status,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        ExportLayout chosen = exports.layout(layout).orElseThrow(() -> new IllegalArgumentException("no layout"));
        List<Long> ids;
        try {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("期間の終わりが始まりより前です");
            }
            ids = exports.check(chosen, from, to, status);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/exchange/export";
        }
        response.setContentType(
                chosen.encoding() == ExportLayout.Encoding.SJIS
                        ? "text/csv; charset=Shift_JIS"
                        : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"orders-" + from + "-" + to + ".csv\"");
        exports.write(chosen, ids, response.getOutputStream());
        return null;
    }

    /** The orders chosen on the order list, to be written in a layout chosen here. */
    @PostMapping("/exchange/export/selection")
    String selection(@RequestParam(name = "order", required = false) List<Long> ids, Model model) {
        model.addAttribute("ids", ids == null ? List.of() : ids);
        model.addAttribute("layouts", exports.layouts());
        return "exchange/selection";
    }

    @PostMapping("/exchange/export/orders")
    String exportSelection(
            @RequestParam long layout,
            @RequestParam(name = "order", required = false) List<Long> ids,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        ExportLayout chosen = exports.layout(layout).orElseThrow(() -> new IllegalArgumentException("no layout"));
        List<Long> checked;
        try {
            checked = exports.check(chosen, ids == null ? List.of() : ids);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/orders";
        }
        response.setContentType(
                chosen.encoding() == ExportLayout.Encoding.SJIS
                        ? "text/csv; charset=Shift_JIS"
                        : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"orders-selected.csv\"");
        exports.write(chosen, checked, response.getOutputStream());
        return null;
    }

    @PostMapping("/exchange/layouts")
    String saveLayout(
            @RequestParam(required = false) Long id,
            @RequestParam String name,
            @RequestParam(name = "column", required = false) List<String> columns,
            @RequestParam ExportLayout.Encoding encoding,
            RedirectAttributes redirect) {
        try {
            long saved = exports.save(
                    id,
                    name,
                    columns == null
                            ? List.of()
                            : columns.stream().map(ExportColumn::valueOf).toList(),
                    encoding);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exchange/export?layout=" + saved;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/exchange/export" + (id == null ? "" : "?layout=" + id);
        }
    }
}
