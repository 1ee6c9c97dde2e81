package jp.juchu.oms.sales.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.sales.SalesFacts;
import jp.juchu.oms.sales.internal.SalesSettings;
import jp.juchu.oms.sales.internal.Shops;
import jp.juchu.oms.shipping.Carrier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 目標・費用の設定: each shop's goal per month, and the fees and carriage of the profit report (収支). */
@Controller
class SalesSettingsController {

    private final SalesSettings settings;
    private final Shops shops;
    private final AuditLog audit;
    private final Clock clock;
    private final SalesFacts facts;

    SalesSettingsController(SalesSettings settings, Shops shops, AuditLog audit, Clock clock, SalesFacts facts) {
        this.settings = settings;
        this.facts = facts;
        this.shops = shops;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row of the fee table as the form shows it. */
    record ShopFeeRow(long shop, String name, String monthlyFixed, String percent, String perOrder) {}

    record PaymentFeeRow(String method, String name, String percent, String perOrder) {}

    record CarrierRow(String code, String name, String perShipment) {}

    @GetMapping("/sales/settings")
    String page(@RequestParam(required = false) String month, Model model) {
        YearMonth m = new ReportQuery(month, null, null, null, null, null, null, null).monthOr(YearMonth.now(clock));
        Map<Long, String> names = shops.names();
        Map<Long, Long> goals = new LinkedHashMap<>();
        Map<Long, Map<YearMonth, Long>> all = settings.goals(m, m);
        names.keySet()
                .forEach(id -> goals.put(id, all.getOrDefault(id, Map.of()).get(m)));
        model.addAttribute("month", m.toString());
        model.addAttribute("shops", names);
        model.addAttribute("goals", goals);
        Map<Long, SalesSettings.ShopFee> shopFees = settings.shopFees();
        List<ShopFeeRow> shopRows = new ArrayList<>();
        names.forEach((id, name) -> {
            SalesSettings.ShopFee f = shopFees.getOrDefault(id, SalesSettings.ShopFee.NONE);
            shopRows.add(new ShopFeeRow(
                    id,
                    name,
                    String.valueOf(f.monthlyFixed()),
                    AmountText.percent(f.percentBp()),
                    String.valueOf(f.perOrder())));
        });
        model.addAttribute("shopFees", shopRows);
        Map<String, SalesSettings.PaymentFee> paymentFees = settings.paymentFees();
        model.addAttribute(
                "paymentFees",
                PaymentMethods.ALL.stream()
                        .map(code -> {
                            SalesSettings.PaymentFee f = paymentFees.getOrDefault(code, SalesSettings.PaymentFee.NONE);
                            return new PaymentFeeRow(
                                    code,
                                    PaymentMethods.labelOf(code),
                                    AmountText.percent(f.percentBp()),
                                    String.valueOf(f.perOrder()));
                        })
                        .toList());
        Map<String, Long> carriage = settings.carrierCosts();
        List<CarrierRow> carriers = new ArrayList<>();
        for (Carrier c : Carrier.values()) {
            carriers.add(new CarrierRow(c.name(), c.label(), String.valueOf(carriage.getOrDefault(c.name(), 0L))));
        }
        model.addAttribute("carriers", carriers);
        return "sales/settings";
    }

    @PostMapping("/sales/settings/goals")
    String goals(@RequestParam MultiValueMap<String, String> form, Principal principal, RedirectAttributes redirect) {
        String month = form.getFirst("month");
        try {
            YearMonth m =
                    new ReportQuery(month, null, null, null, null, null, null, null).monthOr(YearMonth.now(clock));
            Map<Long, Long> amounts = new LinkedHashMap<>();
            shops.names().forEach((id, name) -> {
                if (form.containsKey("goal." + id)) {
                    amounts.put(id, AmountText.yen(name + " の目標", form.getFirst("goal." + id), SalesSettings.MAX_GOAL));
                }
            });
            settings.setGoals(m, amounts);
            audit.record(principal.getName(), "SALES_GOALS_CHANGED", "sales:" + m, summary(amounts));
            redirect.addFlashAttribute("message", m.getYear() + "年" + m.getMonthValue() + "月の目標を保存しました");
            return "redirect:/sales/settings?month=" + m;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/sales/settings";
        }
    }

    @PostMapping("/sales/settings/fees")
    String fees(@RequestParam MultiValueMap<String, String> form, Principal principal, RedirectAttributes redirect) {
        try {
            Map<Long, SalesSettings.ShopFee> shopFees = new LinkedHashMap<>();
            shops.names().forEach((id, name) -> {
                if (form.containsKey("fixed." + id)) {
                    shopFees.put(
                            id,
                            new SalesSettings.ShopFee(
                                    orZero(AmountText.yen(name + " の月額固定費", form.getFirst("fixed." + id), 99_999_999)),
                                    AmountText.basisPoints(name + " の販売手数料率", form.getFirst("percent." + id)),
                                    orZero(AmountText.yen(
                                            name + " の受注手数料", form.getFirst("perOrder." + id), 999_999))));
                }
            });
            Map<String, SalesSettings.PaymentFee> paymentFees = new LinkedHashMap<>();
            for (String code : PaymentMethods.ALL) {
                if (form.containsKey("payPercent." + code)) {
                    String name = PaymentMethods.labelOf(code);
                    paymentFees.put(
                            code,
                            new SalesSettings.PaymentFee(
                                    AmountText.basisPoints(name + " の決済手数料率", form.getFirst("payPercent." + code)),
                                    orZero(AmountText.yen(
                                            name + " の決済手数料 (1件)", form.getFirst("payPerOrder." + code), 999_999))));
                }
            }
            Map<String, Long> carriers = new LinkedHashMap<>();
            for (Carrier c : Carrier.values()) {
                if (form.containsKey("carrier." + c.name())) {
                    carriers.put(
                            c.name(),
                            orZero(AmountText.yen(
                                    c.label() + " の配送費 (1個)", form.getFirst("carrier." + c.name()), 999_999)));
                }
            }
            boolean ordersChanged = settings.setFees(shopFees, paymentFees, carriers);
            audit.record(
                    principal.getName(),
                    "SALES_FEES_CHANGED",
                    "sales:fees",
                    "ショップ " + shopFees.size() + "件 / 支払方法 " + paymentFees.size() + "件 / 配送業者 " + carriers.size() + "件");
            if (ordersChanged) {
                long recomputed = facts.applyFees();
                redirect.addFlashAttribute("message", "手数料・配送費を保存しました (%,d件の受注の手数料を再計算しました)".formatted(recomputed));
            } else {
                redirect.addFlashAttribute("message", "手数料・配送費を保存しました");
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sales/settings";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private String summary(Map<Long, Long> amounts) {
        Map<Long, String> names = shops.names();
        List<String> parts = new ArrayList<>();
        amounts.forEach((id, amount) ->
                parts.add(names.get(id) + ": " + (amount == null ? "なし" : String.format("%,d円", amount))));
        return String.join(" / ", parts);
    }
}
