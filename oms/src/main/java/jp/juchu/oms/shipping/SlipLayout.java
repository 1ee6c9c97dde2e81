package jp.juchu.oms.shipping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.settings.Contractor;

/** A carrier's slip CSV: its header and, per shipment of an order, a row — or why the order cannot go. */
sealed interface SlipLayout permits B2CloudLayout, SagawaLayout, YuPackLayout {

    List<String> header();

    /**
     * The rows of an order, following the OMS's shipping instructions per delivery id (service, cool type, slip
     * remark); a shipment without one ships the carrier's usual way.
     */
    Rows rows(
            OrderDetail order,
            Map<Integer, ShippingInstructions.Instruction> instructions,
            Contractor sender,
            String customerCode,
            LocalDate shipDate);

    /** The rows of an order without shipping instructions. */
    default Rows rows(OrderDetail order, Contractor sender, String customerCode, LocalDate shipDate) {
        return rows(order, Map.of(), sender, customerCode, shipDate);
    }

    /** The rows of an order, one per shipment, and every problem that keeps it from being exported. */
    record Rows(List<List<String>> rows, List<String> problems) {}

    /** Our reference for a shipment, as it goes out and comes back. */
    static String reference(long orderId, int deliveryId) {
        return "J" + orderId + "-" + deliveryId;
    }

    /** The carrier's layout. */
    static SlipLayout of(Carrier carrier) {
        return switch (carrier) {
            case YAMATO -> B2CloudLayout.INSTANCE;
            case SAGAWA -> SagawaLayout.INSTANCE;
            case JAPAN_POST -> YuPackLayout.INSTANCE;
        };
    }
}
