package jp.juchu.oms.sales.web;

import jp.juchu.oms.sales.internal.Report;
import jp.juchu.support.money.Money;
import org.springframework.stereotype.Component;

/** A report's cell as a page shows it: 1,234円, 1,234, 12.3%, or - when there is nothing to show. */
@Component("reportCells")
class ReportCells {

    public String text(Report.Column column, Object value) {
        if (value == null || "".equals(value)) {
            return column.kind() == Report.Kind.TEXT ? "" : "-";
        }
        return switch (column.kind()) {
            case YEN -> value instanceof Number n ? Money.yen(n.longValue()) : value.toString();
            case COUNT -> value instanceof Number n ? String.format("%,d", n.longValue()) : value.toString();
            case PERCENT ->
                value instanceof Number n
                        ? String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue())
                        : value.toString();
            case TEXT -> value.toString();
        };
    }

    public boolean numeric(Report.Column column) {
        return column.kind() != Report.Kind.TEXT;
    }
}
