package jp.juchu.oms.home.web;

import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.imports.ImportHistory;
import jp.juchu.oms.imports.ImportRun;
import jp.juchu.oms.imports.QuarantinedOrder;
import jp.juchu.oms.malls.ConnectionStatus;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.Orders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** ホーム: the day's work — orders per status, orders needing attention, and each shop's last import. */
@Controller
class HomeController {

    static final int ATTENTION_ROWS = 10;

    private final MallConnections connections;
    private final Orders orders;
    private final ImportHistory imports;

    HomeController(MallConnections connections, Orders orders, ImportHistory imports) {
        this.connections = connections;
        this.orders = orders;
        this.imports = imports;
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
        return "home/home";
    }

    private static OrderFilter filter(String status, boolean alerts) {
        return new OrderFilter(status, null, null, null, null, alerts, null, null, null, null, null, null, null);
    }
}
