package jp.juchu.oms.stocksync.internal;

import jp.juchu.oms.products.Listings;
import jp.juchu.oms.stock.FreeStockChanged;
import jp.juchu.oms.stock.SettledSaleArrived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox's writer: a change of free stock marks the listings of the SKUs (and of the sets made of them) for
 * pushing, synchronously, inside the transaction that changed the stock — both commit or neither does. A shop whose
 * quantity moved by a sale the OMS holds nothing for (the order arrived cancelled or shipped) gets its listings of
 * those SKUs pushed again the same way.
 */
@Component
class SyncOutbox {

    private final Listings listings;
    private final SyncRecords records;

    SyncOutbox(Listings listings, SyncRecords records) {
        this.listings = listings;
        this.records = records;
    }

    @EventListener
    void on(FreeStockChanged changed) {
        records.mark(listings.dependingOn(changed.productIds()));
    }

    @EventListener
    void on(SettledSaleArrived arrived) {
        records.mark(listings.dependingOn(arrived.productIds()).stream()
                .filter(listing -> listing.connectionId() == arrived.connectionId())
                .toList());
    }
}
