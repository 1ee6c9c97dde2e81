package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Everything the order detail page (受注詳細) shows. */
public record OrderDetail(
        long id,
        long connectionId,
        String serialCode,
        String orderNumber,
        OffsetDateTime orderedAt,
        OffsetDateTime shopUpdatedAt,
        String shopOrderStatus,
        String shopPaymentStatus,
        String shopShippingStatus,
        String buyerName,
        String buyerKana,
        String buyerEmail,
        String buyerPhone,
        String buyerPostalCode,
        String buyerPrefecture,
        String buyerAddress1,
        String buyerAddress2,
        String memberAccount,
        String paymentMethod,
        long itemsTotal,
        long shippingFee,
        long codFee,
        long giftWrappingFee,
        long couponDiscount,
        long pointsUsed,
        long total,
        String taxJson,
        String remarks,
        String workflowStatus,
        String workflowStatusName,
        String memo,
        String alert,
        String holdReason,
        long version,
        String payload,
        List<Shipment> shipments,
        List<HistoryEntry> history) {

    public record Shipment(
            int deliveryId,
            String name,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            LocalDate deliveryDate,
            String timeSlot,
            boolean giftWrapping,
            String noshi,
            long shippingFee,
            String trackingNumber,
            List<Item> items,
            Long codAmount) {

        /** The time slot in Japanese ("" for none). */
        public String timeSlotLabel() {
            return TimeSlot.labelOf(timeSlot);
        }
    }

    /** One line of a shipment; {@code lineNo} identifies it within the shipment. */
    public record Item(
            String itemCode, String variation, String name, long unitPrice, int quantity, int taxRate, int lineNo) {

        public long amount() {
            return unitPrice * quantity;
        }
    }

    public record HistoryEntry(OffsetDateTime at, String kind, String actor, String summary) {}

    /** The tax contained in the total at one rate. */
    public record TaxLine(int rate, long taxableAmount, long tax) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why the order cannot ship as cash on delivery yet (amounts per destination missing or not adding up), or "". */
    public String codProblem() {
        return CashOnDelivery.problem(this).orElse("");
    }

    /** The tax per rate (10 % / 8 %) the shop computed, highest rate first. */
    public List<TaxLine> taxLines() {
        List<TaxLine> lines = new java.util.ArrayList<>();
        for (JsonNode line : JSON.readTree(taxJson == null ? "[]" : taxJson)) {
            lines.add(new TaxLine(
                    line.path("rate").asInt(),
                    line.path("taxableAmount").asLong(),
                    line.path("tax").asLong()));
        }
        lines.sort(java.util.Comparator.comparingInt(TaxLine::rate).reversed());
        return lines;
    }
}
