package jp.juchu.shop.dashboard.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.dashboard.SalesGoal;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.points.PointApprovals;
import jp.juchu.shop.system.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** 管理画面トップ (seed A1): this month's goal and sales, unprocessed orders, the stock check. */
@Controller
class DashboardController {

    private final Orders orders;
    private final Catalog catalog;
    private final PointApprovals points;
    private final JdbcClient jdbc;
    private final Clock clock;

    DashboardController(Orders orders, Catalog catalog, PointApprovals points, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.points = points;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record GoalForm(
            @NotNull @Min(0) Integer visitorsPerDay,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal conversionRate,
            @NotNull @Min(0) Integer averageOrder) {}

    @GetMapping("/admin")
    String top(Principal principal, Model model) {
        String shopId = principal.getName();
        YearMonth month = YearMonth.now(clock.withZone(TimeConfiguration.TOKYO));
        SalesGoal goal = goal(shopId, month);
        OffsetDateTime start =
                month.atDay(1).atStartOfDay(TimeConfiguration.TOKYO).toOffsetDateTime();
        long sales = orders.sales(shopId, start, start.plusMonths(1));
        long goalAmount = goal.amount(month);
        model.addAttribute("month", month.getMonthValue());
        model.addAttribute("days", month.lengthOfMonth());
        model.addAttribute("sales", sales);
        model.addAttribute("goalAmount", goalAmount);
        model.addAttribute("achievement", SalesGoal.achievement(sales, goalAmount));
        model.addAttribute("unprocessed", orders.unprocessed(shopId));
        model.addAttribute("stock", catalog.stockSummary(shopId));
        model.addAttribute("pendingPoints", points.pendingCount(shopId));
        if (!model.containsAttribute("goal")) {
            model.addAttribute("goal", new GoalForm(goal.visitorsPerDay(), goal.conversionRate(), goal.averageOrder()));
        }
        return "dashboard/top";
    }

    @PostMapping("/admin/goal")
    String saveGoal(
            @Valid @ModelAttribute("goal") GoalForm form, BindingResult errors, Principal principal, Model model) {
        if (errors.hasErrors()) {
            return top(principal, model);
        }
        LocalDate month = YearMonth.now(clock.withZone(TimeConfiguration.TOKYO)).atDay(1);
        jdbc.sql("""
                        insert into sales_goal (shop_id, month, visitors_per_day, conversion_rate, average_order)
                        values (?, ?, ?, ?, ?)
                        on conflict (shop_id, month) do update set visitors_per_day = excluded.visitors_per_day,
                            conversion_rate = excluded.conversion_rate, average_order = excluded.average_order
                        """)
                .params(principal.getName(), month, form.visitorsPerDay(), form.conversionRate(), form.averageOrder())
                .update();
        return "redirect:/admin";
    }

    private SalesGoal goal(String shopId, YearMonth month) {
        return jdbc.sql(
                        "select visitors_per_day, conversion_rate, average_order from sales_goal where shop_id = ? and month = ?")
                .params(shopId, month.atDay(1))
                .query(SalesGoal.class)
                .optional()
                .orElse(new SalesGoal(0, BigDecimal.ZERO, 0));
    }
}
