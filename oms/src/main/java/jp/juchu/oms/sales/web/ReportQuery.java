package jp.juchu.oms.sales.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.sales.internal.ReportFilter;

/**
 * A report's query string as typed or bookmarked: every field is read here, and what cannot be read gets a
 * Japanese sentence naming the field (never the framework's text).
 *
 * @param month yyyy-MM, for 日次 (the month) and 月次 (the last of the 24 months)
 * @param from yyyy-MM-dd
 * @param basis ORDER, SHIP or PAY
 * @param shop shop ids; none means every shop
 * @param exclude workflow statuses left out; absent means キャンセル
 * @param tax incl or excl
 */
record ReportQuery(
        String month,
        String from,
        String to,
        String basis,
        List<String> shop,
        List<String> exclude,
        String tax,
        String excludeSet) {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    ReportQuery {
        shop = shop == null ? List.of() : shop;
        exclude = exclude == null ? List.of() : exclude;
    }

    YearMonth monthOr(YearMonth fallback) {
        if (blank(month)) {
            return fallback;
        }
        try {
            YearMonth m = YearMonth.parse(month.strip().replace('/', '-'));
            if (m.getYear() < MIN_YEAR || m.getYear() > MAX_YEAR) {
                throw new IllegalArgumentException("年月は " + MIN_YEAR + "年から" + MAX_YEAR + "年の間で指定してください");
            }
            return m;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("年月を読み取れません (例: 2026-12)");
        }
    }

    ReportFilter filter(LocalDate today, Set<String> statuses, Set<Long> shops) {
        LocalDate start = date("期間の始まり", from, today.withDayOfMonth(1));
        LocalDate end = date("期間の終わり", to, today);
        ReportFilter.Basis b;
        try {
            b = blank(basis) ? ReportFilter.Basis.ORDER : ReportFilter.Basis.valueOf(basis.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("集計する日付は 受注日・出荷日・入金日 から選んでください");
        }
        if (shop.size() > ReportFilter.MAX_SHOPS) {
            throw new IllegalArgumentException("ショップは " + ReportFilter.MAX_SHOPS + " 件まで選べます");
        }
        List<Long> shopIds = new ArrayList<>();
        for (String s : shop) {
            if (blank(s)) {
                continue;
            }
            try {
                long id = Long.parseLong(s.strip());
                if (!shops.contains(id)) {
                    throw new NumberFormatException();
                }
                shopIds.add(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ショップ「" + printable(s) + "」はありません");
            }
        }
        List<String> left = new ArrayList<>();
        // a form sends excludeSet=1 with its checkboxes, so that none ticked means none left out
        List<String> chosen = exclude.isEmpty() && blank(excludeSet) ? List.of("CANCELLED") : exclude;
        if (chosen.size() > statuses.size()) {
            throw new IllegalArgumentException("除外するステータスが多すぎます");
        }
        for (String s : chosen) {
            if (!statuses.contains(s)) {
                throw new IllegalArgumentException("ステータス「" + printable(s) + "」はありません");
            }
            left.add(s);
        }
        boolean withTax;
        if (blank(tax) || "incl".equals(tax)) {
            withTax = true;
        } else if ("excl".equals(tax)) {
            withTax = false;
        } else {
            throw new IllegalArgumentException("税込・税抜のどちらかを選んでください");
        }
        return new ReportFilter(start, end, b, shopIds, left, withTax);
    }

    private static LocalDate date(String label, String text, LocalDate fallback) {
        if (blank(text)) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip().replace('/', '-'));
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                throw new IllegalArgumentException(label + "は " + MIN_YEAR + "年から" + MAX_YEAR + "年の間で指定してください");
            }
            return d;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(label + "を読み取れません (例: 2026/12/01)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "");
        return p.length() > 30 ? p.substring(0, 30) + "…" : p;
    }
}
