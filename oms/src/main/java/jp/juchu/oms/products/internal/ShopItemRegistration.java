package jp.juchu.oms.products.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 商品として登録 from 商品候補一覧: the product and the listing of the shop's item to it, together or not at all.
 */
@Service
public class ShopItemRegistration {

    private final ProductCatalog catalog;
    private final ListingEditing listings;

    ShopItemRegistration(ProductCatalog catalog, ListingEditing listings) {
        this.catalog = catalog;
        this.listings = listings;
    }

    /**
     * Registers the product and maps the shop's item to it (multiplier as given).
     *
     * @return the product's id
     * @throws ProductRefused with the product's or the mapping's problems; nothing written
     */
    @Transactional
    public long register(
            ProductDraft draft, long connectionId, String itemCode, String variation, int multiplier, String actor) {
        long id = catalog.create(draft, actor);
        listings.add(
                new ListingEditing.Mapping(
                        connectionId, itemCode, variation, draft.code().strip(), multiplier),
                actor);
        return id;
    }
}
