package jp.juchu.oms.home.web;

import java.util.List;
import jp.juchu.oms.home.WorkItem;
import jp.juchu.oms.home.WorkItems;
import jp.juchu.oms.shipping.WriteBacks;
import org.springframework.stereotype.Component;

/** Shipment reports to the shops (出荷連絡) that failed and wait to be sent again. */
@Component
class ShopReportWorkItems implements WorkItems {

    private final WriteBacks writeBacks;

    ShopReportWorkItems(WriteBacks writeBacks) {
        this.writeBacks = writeBacks;
    }

    @Override
    public List<WorkItem> workItems() {
        return List.of(new WorkItem("ショップへの出荷連絡に失敗 (再送待ち)", writeBacks.failing(), "/shipping"));
    }
}
