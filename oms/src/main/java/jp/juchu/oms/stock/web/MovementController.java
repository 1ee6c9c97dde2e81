package jp.juchu.oms.stock.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import jp.juchu.oms.stock.internal.MovementCsv;
import jp.juchu.oms.stock.internal.MovementReason;
import jp.juchu.oms.stock.internal.StockMovements;
import jp.juchu.oms.stock.internal.StockQueries;
import jp.juchu.oms.system.JapaneseCsv;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 入出庫管理: the movement form (入庫・出庫・在庫数指定・棚移動), the movements booked, and the same by CSV. */
@Controller
class MovementController {

    private final StockMovements movements;
    private final MovementCsv csv;
    private final StockQueries queries;

    MovementController(StockMovements movements, MovementCsv csv, StockQueries queries) {
        this.movements = movements;
        this.csv = csv;
        this.queries = queries;
    }

    @GetMapping("/stock/movements")
    String page(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("types", StockMovements.Type.values());
        model.addAttribute("reasons", MovementReason.values());
        model.addAttribute("columns", String.join(",", MovementCsv.COLUMNS));
        model.addAttribute("maxLines", MovementCsv.MAX_LINES);
        model.addAttribute("history", queries.movements(page(page), StockController.HISTORY_PAGE_SIZE));
        return "stock/movements";
    }

    @PostMapping("/stock/movements")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String book(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String location,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            StockMovements.Result result = movements.record(
                    new StockMovements.Request(type, code, quantity, reason, note, location), principal.getName());
            StockMovements.Booked b = result.booked().get(0);
            String saved = b.type() == StockMovements.Type.MOVE
                    ? b.code() + " を棚番 " + (b.from() == null ? "(なし)" : b.from()) + " から " + b.to() + " へ移動しました"
                    : b.code() + " の" + b.type().label() + "を登録しました (実在庫 " + b.before() + " → " + b.after() + ")";
            redirect.addFlashAttribute(
                    "saved", saved + reallocated(result.reallocatedOrders().size()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute(
                    "form", new StockMovements.Request(type, code, quantity, reason, note, location));
        }
        return "redirect:/stock/movements";
    }

    @PostMapping("/stock/movements/csv")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Principal principal,
            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return "redirect:/stock/movements";
        }
        try {
            MovementCsv.Result result = csv.importFile(file, file.getSize(), principal.getName());
            if (result.ok()) {
                redirect.addFlashAttribute(
                        "saved",
                        "入出庫CSV: " + result.booked() + " 件を登録しました"
                                + reallocated(result.reallocatedOrders().size()));
            } else {
                redirect.addFlashAttribute("csvErrors", result.errors());
                redirect.addFlashAttribute(
                        "error",
                        "入出庫CSV: 問題が " + (result.errors().size() + result.moreErrors()) + " 件あるため、何も登録していません"
                                + (result.moreErrors() > 0
                                        ? " (最初の " + result.errors().size() + " 件を表示)"
                                        : ""));
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stock/movements";
    }

    @GetMapping("/stock/movements/template.csv")
    void template(@RequestParam(defaultValue = "sjis") String charset, HttpServletResponse response)
            throws IOException {
        boolean utf8 = "utf8".equals(charset);
        response.setContentType("text/csv; charset=" + (utf8 ? "UTF-8" : "Shift_JIS"));
        response.setHeader("Content-Disposition", "attachment; filename=\"stock-movements-template.csv\"");
        Writer out = new OutputStreamWriter(
                response.getOutputStream(), utf8 ? StandardCharsets.UTF_8 : JapaneseCsv.WINDOWS_31J);
        if (utf8) {
            out.write('\uFEFF');
        }
        csv.template(out);
    }

    static String reallocated(int orders) {
        return orders == 0 ? "" : "。実在庫が引当数を下回ったため、受注 " + orders + " 件の引当をやり直しました (不足分は引当待ち)";
    }

    private static int page(String value) {
        try {
            return Math.min(100_000, Math.max(0, Integer.parseInt(value == null ? "0" : value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
