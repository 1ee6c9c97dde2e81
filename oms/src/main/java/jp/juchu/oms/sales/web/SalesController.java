package jp.juchu.oms.sales.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.sales.internal.BreakdownReports;
import jp.juchu.oms.sales.internal.PeriodReports;
import jp.juchu.oms.sales.internal.ProfitReports;
import jp.juchu.oms.sales.internal.Report;
import jp.juchu.oms.sales.internal.ReportCsv;
import jp.juchu.oms.sales.internal.ReportFilter;
import jp.juchu.oms.sales.internal.Shops;
import jp.juchu.oms.sales.internal.SupplierReports;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** 売上データ: each report as a table, a chart and a CSV download, with the filters every report shares. */
@Controller
class SalesController {

    /** The reports, by their address, with their menu names. */
    static final Map<String, String> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("daily", "日次");
        REPORTS.put("monthly", "月次");
        REPORTS.put("shops", "ショップ別");
        REPORTS.put("products", "商品別");
        REPORTS.put("suppliers", "仕入先別");
        REPORTS.put("prefectures", "都道府県別");
        REPORTS.put("payments", "支払方法別");
        REPORTS.put("carriers", "配送業者別");
        REPORTS.put("weekdays", "曜日別");
        REPORTS.put("hours", "時間帯別");
        REPORTS.put("profit", "収支 (ショップ別)");
        REPORTS.put("profit-products", "収支 (商品別)");
    }

    private final PeriodReports periods;
    private final BreakdownReports breakdowns;
    private final ProfitReports profits;
    private final SupplierReports suppliers;
    private final Shops shops;
    private final Orders orders;
    private final Clock clock;
    private final ReportLanguage language;
    private final JsonMapper json = JsonMapper.builder().build();

    SalesController(
            PeriodReports periods,
            BreakdownReports breakdowns,
            ProfitReports profits,
            SupplierReports suppliers,
            Shops shops,
            Orders orders,
            Clock clock,
            ReportLanguage language) {
        this.periods = periods;
        this.breakdowns = breakdowns;
        this.profits = profits;
        this.suppliers = suppliers;
        this.shops = shops;
        this.orders = orders;
        this.clock = clock;
        this.language = language;
    }

    @GetMapping("/sales")
    String sales() {
        return "redirect:/sales/daily";
    }

    @GetMapping("/sales/{key}")
    String report(
            @PathVariable("key") String report,
            @ModelAttribute ReportQuery query,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        known(report);
        Map<Long, String> names = shops.names();
        Map<String, String> tabs = new LinkedHashMap<>();
        REPORTS.forEach((key, name) -> tabs.put(key, language.cell(name)));
        model.addAttribute("reports", locale.getLanguage().equals("en") ? tabs : REPORTS);
        model.addAttribute("current", report);
        model.addAttribute("shops", names);
        List<Orders.WorkflowStatus> statuses = orders.statuses();
        model.addAttribute("statuses", statuses);
        model.addAttribute("query", query);
        model.addAttribute("usesMonth", report.equals("daily") || report.equals("monthly"));
        model.addAttribute("thisMonth", YearMonth.now(clock).toString());
        try {
            ReportFilter filter = filter(query, names, statuses);
            Report r = language.in(build(report, query, filter), locale);
            model.addAttribute("report", r);
            model.addAttribute("chartJson", json.writeValueAsString(r.chart()));
            model.addAttribute("filter", filter);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
        return "sales/report";
    }

    @GetMapping("/sales/{key}/csv")
    String csv(
            @PathVariable("key") String report,
            @ModelAttribute ReportQuery query,
            @RequestParam(defaultValue = "utf8") String encoding,
            HttpServletResponse response,
            Locale locale,
            Model model)
            throws IOException {
        known(report);
        boolean utf8 = !"sjis".equals(encoding);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!"utf8".equals(encoding) && !"sjis".equals(encoding)) {
                throw new IllegalArgumentException("文字コードは UTF-8 (BOM付き) か Shift_JIS を選んでください");
            }
            ReportFilter filter = filter(query, shops.names(), orders.statuses());
            ReportCsv.write(language.in(build(report, query, filter), locale), utf8, bytes);
        } catch (IllegalArgumentException e) {
            // the page again, with the reason
            String page = report(report, query, model, locale, response);
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page;
        }
        response.setContentType(utf8 ? "text/csv; charset=UTF-8" : "text/csv; charset=Shift_JIS");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"sales-" + report + "-" + LocalDate.now(clock) + ".csv\"");
        response.setContentLength(bytes.size());
        bytes.writeTo(response.getOutputStream());
        return null;
    }

    private static void known(String report) {
        if (!REPORTS.containsKey(report)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** What the query asks for, read once per request (the statuses and shops are those the page shows). */
    private ReportFilter filter(ReportQuery query, Map<Long, String> names, List<Orders.WorkflowStatus> statuses) {
        Set<String> codes =
                statuses.stream().map(Orders.WorkflowStatus::code).collect(Collectors.toCollection(LinkedHashSet::new));
        return query.filter(LocalDate.now(clock), codes, names.keySet());
    }

    private Report build(String report, ReportQuery query, ReportFilter filter) {
        YearMonth thisMonth = YearMonth.now(clock);
        return switch (report) {
            case "daily" -> periods.daily(query.monthOr(thisMonth), filter);
            case "monthly" -> periods.monthly(query.monthOr(thisMonth), filter);
            case "shops" -> periods.byShop(filter);
            case "products" -> breakdowns.byProduct(filter);
            case "suppliers" -> suppliers.bySupplier(filter);
            case "prefectures" -> breakdowns.byPrefecture(filter);
            case "payments" -> breakdowns.byPayment(filter);
            case "carriers" -> breakdowns.byCarrier(filter);
            case "weekdays" -> breakdowns.byWeekday(filter);
            case "hours" -> breakdowns.byHour(filter);
            case "profit" -> profits.byShop(filter);
            case "profit-products" -> profits.byProduct(filter);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }
}
