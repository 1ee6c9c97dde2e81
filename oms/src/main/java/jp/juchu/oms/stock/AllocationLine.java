package jp.juchu.oms.stock;

/** What one order line takes of one SKU (a row of {@code order_allocation_line}). */
record AllocationLine(int deliveryId, int lineNo, long productId, int quantity, boolean allocated) {

    AllocationLine asAllocated() {
        return new AllocationLine(deliveryId, lineNo, productId, quantity, true);
    }
}
