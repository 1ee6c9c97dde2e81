package jp.juchu.oms.home.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.customers.Buyers;
import jp.juchu.oms.customers.Customers;
import jp.juchu.oms.home.WorkItem;
import jp.juchu.oms.home.WorkItems;
import jp.juchu.oms.imports.ImportHistory;
import jp.juchu.oms.imports.ImportRun;
import jp.juchu.oms.imports.QuarantinedOrder;
import jp.juchu.oms.malls.ConnectionStatus;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.sales.SalesFacts;
import jp.juchu.oms.sales.SalesTotals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * ホーム: today's and this month's sales against last year, and the day's work — orders per status, orders needing
 * attention, orders waiting for stock, other modules' {@link WorkItems}, and each shop's last import.
 */
@Controller
class HomeController {

    static final int ATTENTION_ROWS = 10;

    /** Days of the sales chart. */
    static final int CHART_DAYS = 30;

    private final JsonMapper json = JsonMapper.builder().build();

    private final MallConnections connections;
    private final Orders orders;
    private final ImportHistory imports;
    private final SalesFacts sales;
    private final Customers customers;
    private final List<WorkItems> workItems;
    private final Clock clock;

    HomeController(
            MallConnections connections,
            Orders orders,
            ImportHistory imports,
            SalesFacts sales,
            Customers customers,
            List<WorkItems> workItems,
            Clock clock) {
        this.connections = connections;
        this.orders = orders;
        this.imports = imports;
        this.sales = sales;
        this.customers = customers;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** A period's sales and buyers beside the same period a year before. */
    record Figures(
            String key,
            String label,
            LocalDate from,
            LocalDate to,
            SalesTotals now,
            SalesTotals lastYear,
            Buyers buyers,
            Buyers buyersLastYear) {

        public Double ratio() {
            return lastYear.sales() == 0 ? null : Math.round(now.sales() * 1000.0 / lastYear.sales()) / 10.0;
        }
    }

    private Figures figures(String key, String label, LocalDate from, LocalDate to) {
        LocalDate lyFrom = from.minusYears(1);
        LocalDate lyTo = to.minusYears(1);
        return new Figures(
                key,
                label,
                from,
                to,
                sales.totals(from, to),
                sales.totals(lyFrom, lyTo),
                customers.buyers(start(from), start(to.plusDays(1))),
                customers.buyers(start(lyFrom), start(lyTo.plusDays(1))));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    /** A shop with its last import run (null before the first) and the orders it could not read. */
    record ShopImports(MallConnection connection, ImportRun lastRun, List<QuarantinedOrder> quarantined) {}

    /** Home shows first what needs the merchant: broken connections, orders with alerts or on hold, quarantine. */
    @GetMapping("/")
    String home(Model model) {
        List<MallConnection> all = connections.all();
        model.addAttribute(
                "brokenConnections",
                all.stream()
                        .filter(c -> c.status() == ConnectionStatus.KEY_INVALID || c.status() == ConnectionStatus.ERROR)
                        .toList());
        model.addAttribute("connections", all);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("counts", orders.statusCounts());
        model.addAttribute("alerts", orders.list(filter(null, true), 0, ATTENTION_ROWS));
        model.addAttribute("holds", orders.list(filter("ON_HOLD", false), 0, ATTENTION_ROWS));
        List<ShopImports> shops = new ArrayList<>();
        for (MallConnection c : all) {
            List<ImportRun> runs = imports.runs(c.id());
            shops.add(new ShopImports(c, runs.isEmpty() ? null : runs.get(0), imports.quarantined(c.id())));
        }
        model.addAttribute("shops", shops);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "periods",
                List.of(figures("today", "今日", today, today), figures("month", "今月", today.withDayOfMonth(1), today)));
        Map<LocalDate, Long> days = sales.dailySales(today.minusDays(CHART_DAYS - 1), today);
        List<String> categories = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (LocalDate d = today.minusDays(CHART_DAYS - 1); !d.isAfter(today); d = d.plusDays(1)) {
            categories.add(d.getMonthValue() + "/" + d.getDayOfMonth());
            values.add(days.getOrDefault(d, 0L));
        }
        model.addAttribute(
                "chartJson",
                json.writeValueAsString(Map.of(
                        "type",
                        "bar",
                        "yAxis",
                        "円",
                        "categories",
                        categories,
                        "series",
                        List.of(Map.of("name", "売上(税込)", "type", "bar", "values", values)))));
        List<WorkItem> work = new ArrayList<>();
        long awaitingStock = orders.statusCounts().getOrDefault("AWAITING_STOCK", 0L);
        work.add(new WorkItem("引当待ちの受注", awaitingStock, "/orders?status=AWAITING_STOCK"));
        workItems.forEach(source -> work.addAll(source.workItems()));
        model.addAttribute("work", work.stream().filter(w -> w.count() > 0).toList());
        return "home/home";
    }

    private static OrderFilter filter(String status, boolean alerts) {
        return new OrderFilter(status, null, null, null, null, alerts, null, null, null, null, null, null, null);
    }
}
