package jp.juchu.oms.home.web;

import java.util.List;
import jp.juchu.oms.home.WorkItem;
import jp.juchu.oms.home.WorkItems;
import jp.juchu.oms.sales.FactChecks;
import org.springframework.stereotype.Component;

/** The last comparison of the sales facts with the orders found a difference (the nightly check's alert). */
@Component
class SalesCheckWorkItems implements WorkItems {

    private final FactChecks checks;

    SalesCheckWorkItems(FactChecks checks) {
        this.checks = checks;
    }

    @Override
    public List<WorkItem> workItems() {
        return List.of(new WorkItem("売上データの集計が受注と一致しません (要再集計)", checks.alert().isPresent() ? 1 : 0, "/sales/facts"));
    }
}
