package jp.juchu.oms.stock.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.juchu.oms.stock.internal.StocktakeCsv;
import jp.juchu.oms.stock.internal.Stocktakes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 棚卸: the sheets, making one, the count entry page (a phone's page: one large input per SKU, saved line by line
 * with htmx), counts by CSV, applying (確定) and cancelling.
 */
@Controller
class StocktakeController {

    static final int LINES_SHOWN = 200;
    private static final int MAX_QUERY = 100;

    private final Stocktakes stocktakes;
    private final StocktakeCsv csv;

    StocktakeController(Stocktakes stocktakes, StocktakeCsv csv) {
        this.stocktakes = stocktakes;
        this.csv = csv;
    }

    @GetMapping("/stock/stocktakes")
    String list(Model model) {
        model.addAttribute("sheets", stocktakes.list(100));
        model.addAttribute(
                "defaultTitle",
                "棚卸 " + LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")));
        return "stock/stocktakes";
    }

    @PostMapping("/stock/stocktakes")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String create(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String locationPrefix,
            @RequestParam(required = false) String category,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            long id = stocktakes.create(title, locationPrefix, category, principal.getName());
            redirect.addFlashAttribute("saved", "棚卸表 #" + id + " を作成しました。作成時の帳簿数を記録しています");
            return "redirect:/stock/stocktakes/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/stock/stocktakes";
        }
    }

    @GetMapping("/stock/stocktakes/{id}")
    String sheet(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String uncounted,
            Model model) {
        Stocktakes.Sheet sheet =
                stocktakes.sheet(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            model.addAttribute("error", "検索語は" + MAX_QUERY + "文字以内で入力してください");
            query = "";
        }
        boolean onlyUncounted = "1".equals(uncounted);
        model.addAttribute("sheet", sheet);
        model.addAttribute("q", query);
        model.addAttribute("uncounted", onlyUncounted);
        model.addAttribute("lines", stocktakes.lines(id, query, onlyUncounted, LINES_SHOWN + 1));
        model.addAttribute("linesShown", LINES_SHOWN);
        return "stock/stocktake";
    }

    /** One count, saved from the entry page: htmx gets the line back, a plain form the page. */
    @PostMapping("/stock/stocktakes/{id}/lines/{productId}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String count(
            @PathVariable long id,
            @PathVariable long productId,
            @RequestParam(required = false) String counted,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Stocktakes.Sheet sheet =
                stocktakes.sheet(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            Stocktakes.Line line = stocktakes.count(id, productId, counted, principal.getName());
            model.addAttribute("l", line);
            model.addAttribute("savedLine", true);
        } catch (IllegalArgumentException e) {
            if (htmx == null) {
                redirect.addFlashAttribute("error", e.getMessage());
                return "redirect:/stock/stocktakes/" + id;
            }
            model.addAttribute(
                    "l",
                    stocktakes
                            .line(id, productId)
                            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
            model.addAttribute("lineError", e.getMessage());
            model.addAttribute("typed", counted);
        }
        if (htmx == null) {
            return "redirect:/stock/stocktakes/" + id;
        }
        model.addAttribute("sheet", stocktakes.sheet(id).orElse(sheet));
        model.addAttribute("htmxResponse", true);
        return "stock/stocktake-saved";
    }

    @PostMapping("/stock/stocktakes/{id}/csv")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String upload(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Principal principal,
            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return "redirect:/stock/stocktakes/" + id;
        }
        try {
            StocktakeCsv.Result result = csv.importFile(id, file, file.getSize(), principal.getName());
            if (result.ok()) {
                redirect.addFlashAttribute("saved", "棚卸CSV: " + result.counted() + " 件の実数を保存しました");
            } else {
                redirect.addFlashAttribute("csvErrors", result.errors());
                redirect.addFlashAttribute(
                        "error", "棚卸CSV: 問題が " + (result.errors().size() + result.moreErrors()) + " 件あるため、何も保存していません");
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stock/stocktakes/" + id;
    }

    @GetMapping("/stock/stocktakes/{id}.csv")
    void download(
            @PathVariable long id, @RequestParam(defaultValue = "sjis") String charset, HttpServletResponse response)
            throws IOException {
        stocktakes.sheet(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean utf8 = "utf8".equals(charset);
        response.setContentType("text/csv; charset=" + (utf8 ? "UTF-8" : "Shift_JIS"));
        response.setHeader("Content-Disposition", "attachment; filename=\"stocktake-" + id + ".csv\"");
        csv.export(id, response.getOutputStream(), utf8);
    }

    @PostMapping("/stock/stocktakes/{id}/apply")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String apply(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            Stocktakes.Applied applied = stocktakes.apply(id, principal.getName());
            redirect.addFlashAttribute(
                    "saved",
                    "棚卸表 #" + id + " を確定しました: 差異 " + applied.booked() + " SKU、差異金額 (原価) "
                            + String.format("%,d円", applied.differenceValue())
                            + MovementController.reallocated(
                                    applied.reallocatedOrders().size()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stock/stocktakes/" + id;
    }

    @PostMapping("/stock/stocktakes/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            stocktakes.cancel(id, principal.getName());
            redirect.addFlashAttribute("saved", "棚卸表 #" + id + " を取り消しました。在庫は変わっていません");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stock/stocktakes/" + id;
    }
}
