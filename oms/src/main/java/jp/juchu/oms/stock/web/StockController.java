package jp.juchu.oms.stock.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.stock.StockCheck;
import jp.juchu.oms.stock.StockSettings;
import jp.juchu.oms.stock.internal.StockQueries;
import jp.juchu.oms.stock.internal.StockSettingsStore;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 在庫管理: the stock list with its filters and the check's alert, the ledger (在庫履歴) with its CSV, the stock
 * settings, the order page's allocation panel, and the check's small JSON for the home page.
 */
@Controller
class StockController {

    static final int PAGE_SIZE = 50;
    static final int HISTORY_PAGE_SIZE = 100;
    static final int MAX_CSV_ROWS = 200_000;
    private static final int MAX_PAGE = 100_000;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

    private final StockQueries queries;
    private final StockSettingsStore settings;
    private final StockCheck check;

    StockController(StockQueries queries, StockSettingsStore settings, StockCheck check) {
        this.queries = queries;
        this.settings = settings;
        this.check = check;
    }

    @GetMapping("/stock")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String page,
            Model model) {
        StockQueries.Filter chosen = filter(filter);
        String query = q == null ? null : q.strip();
        List<String> errors = new ArrayList<>();
        if (query != null && query.length() > StockQueries.MAX_QUERY_LENGTH) {
            errors.add("検索語は" + StockQueries.MAX_QUERY_LENGTH + "文字以内で入力してください");
            query = null;
        }
        StockSettings current = settings.current();
        model.addAttribute("q", query);
        model.addAttribute("filter", chosen);
        model.addAttribute("filters", StockQueries.Filter.values());
        model.addAttribute("settings", current);
        model.addAttribute("errors", errors);
        model.addAttribute("stock", queries.list(query, chosen, current.lowStockThreshold(), page(page), PAGE_SIZE));
        model.addAttribute("check", check.latest().orElse(null));
        model.addAttribute("timings", StockSettings.AllocationTiming.values());
        return "stock/list";
    }

    @PostMapping("/stock/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(
            @RequestParam(required = false) String allocationTiming,
            @RequestParam(required = false) String lowStockThreshold,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            StockSettings.AllocationTiming timing;
            try {
                timing = StockSettings.AllocationTiming.valueOf(allocationTiming == null ? "" : allocationTiming);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("引当のタイミング: 一覧から選んでください");
            }
            int threshold;
            try {
                threshold = Integer.parseInt(lowStockThreshold == null ? "" : lowStockThreshold.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "在庫少のしきい値: 0〜" + StockSettings.MAX_LOW_STOCK_THRESHOLD + "の整数で入力してください");
            }
            settings.save(new StockSettings(timing, threshold), principal.getName());
            redirect.addFlashAttribute("saved", "在庫設定を保存しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/stock";
    }

    @PostMapping("/stock/check")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String checkNow(RedirectAttributes redirect) {
        StockCheck.Result result = check.run();
        redirect.addFlashAttribute(
                result.alert() ? "error" : "saved",
                result.alert()
                        ? "在庫検査: " + result.differences() + " SKU で在庫数と履歴が一致しません"
                        : "在庫検査: " + result.skus() + " SKU すべて履歴と一致しました");
        return "redirect:/stock";
    }

    /** The last check, for the home page: {@code alert} true when a SKU's totals differ from its ledger. */
    @GetMapping(path = "/stock/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> lastCheck() {
        return check.latest()
                .<Map<String, Object>>map(r -> Map.of(
                        "checkedAt", r.checkedAt().toInstant().toString(),
                        "skus", r.skus(),
                        "differences", r.differences(),
                        "alert", r.alert()))
                .orElse(Map.of("alert", false, "checked", false));
    }

    @GetMapping("/stock/history")
    String history(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            Model model) {
        List<String> errors = new ArrayList<>();
        StockQueries.HistoryFilter filter = historyFilter(code, kind, order, from, to, errors);
        model.addAttribute("f", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", StockQueries.KINDS);
        model.addAttribute("history", queries.history(filter, page(page), HISTORY_PAGE_SIZE));
        return "stock/history";
    }

    @GetMapping("/stock/history.csv")
    String historyCsv(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String encoding,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        List<String> errors = new ArrayList<>();
        StockQueries.HistoryFilter filter = historyFilter(code, kind, order, from, to, errors);
        if (errors.isEmpty() && queries.countHistory(filter) > MAX_CSV_ROWS) {
            errors.add("書き出せるのは " + MAX_CSV_ROWS + " 行までです。期間などで絞り込んでください");
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(" / ", errors));
            return "redirect:/stock/history";
        }
        boolean sjis = "sjis".equals(encoding);
        response.setContentType(sjis ? "text/csv; charset=Shift_JIS" : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"stock-history.csv\"");
        writeCsv(filter, sjis, response.getOutputStream());
        return null;
    }

    /** The order page's panel: what each line holds, and the short ones marked. */
    @GetMapping("/stock/orders/{id}")
    String orderPanel(@PathVariable long id, Model model) {
        model.addAttribute("allocation", queries.ofOrder(id));
        return "stock/order-panel";
    }

    private void writeCsv(StockQueries.HistoryFilter filter, boolean sjis, OutputStream out) throws IOException {
        if (!sjis) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer writer = sjis
                ? new OutputStreamWriter(
                        out,
                        JapaneseCsv.WINDOWS_31J
                                .newEncoder()
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                                .replaceWith(new byte[] {'?'}))
                : new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord("日時", "商品コード", "商品名", "種別", "実在庫の増減", "引当数の増減", "受注番号", "伝票", "理由", "担当");
        queries.eachMovement(filter, m -> {
            try {
                csv.printRecord(
                        DATE_TIME.format(m.at()),
                        text(m.code()),
                        text(m.name()),
                        StockQueries.kindLabel(m.kind()),
                        m.onHandChange(),
                        m.allocatedChange(),
                        text(m.orderNumber()),
                        text(m.document()),
                        text(m.reason()),
                        text(m.actor()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static StockQueries.HistoryFilter historyFilter(
            String code, String kind, String order, String from, String to, List<String> errors) {
        String c = bounded(code, 30, "商品コード", errors);
        String k = kind == null || kind.isBlank() ? null : kind;
        if (k != null && !StockQueries.KINDS.contains(k)) {
            errors.add("種別: 一覧から選んでください");
            k = null;
        }
        String o = bounded(order, 64, "受注番号", errors);
        LocalDate f = date(from, "期間 (から)", errors);
        LocalDate t = date(to, "期間 (まで)", errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add("期間: 終わりが始まりより前です");
            t = null;
        }
        return new StockQueries.HistoryFilter(c, k, o, f, t);
    }

    private static String bounded(String value, int max, String label, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(label + ": " + max + "文字以内で入力してください");
            return null;
        }
        return value.strip();
    }

    private static LocalDate date(String value, String label, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip().replace('/', '-'));
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                errors.add(label + ": 2000〜2100年の日付を入力してください");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(label + ": 日付を yyyy/MM/dd で入力してください");
            return null;
        }
    }

    private static StockQueries.Filter filter(String value) {
        for (StockQueries.Filter f : StockQueries.Filter.values()) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        return StockQueries.Filter.ALL;
    }

    private static int page(String value) {
        try {
            return Math.min(MAX_PAGE, Math.max(0, Integer.parseInt(value == null ? "0" : value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
