package jp.juchu.shop.orders.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.juchu.shop.orders.Carrier;
import jp.juchu.shop.orders.IllegalStateChange;
import jp.juchu.shop.orders.OrderNotFound;
import jp.juchu.shop.orders.OrderPage;
import jp.juchu.shop.orders.OrderSearch;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.PaymentStatus;
import jp.juchu.shop.orders.ShippingStatus;
import jp.juchu.shop.orders.StateChange;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The management API's orders (docs/shop-api.md): search by change date, one order, state update. */
@RestController
@RequestMapping("/api/management/v2/orders")
class OrderApiController {

    private final Orders orders;

    OrderApiController(Orders orders) {
        this.orders = orders;
    }

    record RetrieveRequest(
            @NotNull OffsetDateTime since,
            OffsetDateTime until,
            List<OrderStatus> orderStatus,
            List<PaymentStatus> paymentStatus,
            List<ShippingStatus> shippingStatus,
            @Min(0) Integer from,
            @Min(1) @Max(100) Integer size,

            @Pattern(regexp = "\\d{1,18}", message = "must be a cursor returned as next_search_after")
            String searchAfter) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RetrieveResponse(
            Long totalCount,
            int from,
            int size,
            OffsetDateTime searchedAt,
            List<ApiOrder> orders,
            String nextSearchAfter) {}

    @PostMapping("/_retrieve/{blocks}")
    RetrieveResponse retrieve(
            @PathVariable String blocks, @Valid @RequestBody RetrieveRequest request, Principal principal) {
        Set<ApiOrder.Block> wanted = blocks(blocks);
        int from = request.from() == null ? 0 : request.from();
        int size = request.size() == null ? 100 : request.size();
        OrderPage page = orders.search(
                principal.getName(),
                new OrderSearch(
                        request.since(),
                        request.until(),
                        request.orderStatus(),
                        request.paymentStatus(),
                        request.shippingStatus(),
                        from,
                        size,
                        request.searchAfter() == null ? null : Long.valueOf(request.searchAfter())),
                wanted.contains(ApiOrder.Block.deliveries));
        return new RetrieveResponse(
                page.totalCount(),
                from,
                size,
                page.searchedAt(),
                page.orders().stream().map(o -> ApiOrder.of(o, wanted)).toList(),
                page.nextSearchAfter() == null ? null : String.valueOf(page.nextSearchAfter()));
    }

    @GetMapping("/{serialCode}/{blocks}")
    ApiOrder one(@PathVariable String serialCode, @PathVariable String blocks, Principal principal) {
        Set<ApiOrder.Block> wanted = blocks(blocks);
        return orders.find(principal.getName(), serialCode)
                .map(o -> ApiOrder.of(o, wanted))
                .orElseThrow(() -> notFound(serialCode));
    }

    record ShippingChange(
            @NotNull ShippingStatus shippingStatus,
            Carrier carrier,
            String trackingNumber,
            LocalDate shippedDate,
            Integer deliveryId) {}

    record StatusRequest(
            OrderStatus orderStatus,
            PaymentStatus paymentStatus,
            @Valid ShippingChange shipping) {}

    @PutMapping("/{serialCode}/status")
    ApiOrder changeStatus(
            @PathVariable String serialCode, @Valid @RequestBody StatusRequest request, Principal principal) {
        if (request.orderStatus() == null && request.paymentStatus() == null && request.shipping() == null) {
            throw badRequest("$", "order_status, payment_status or shipping is required");
        }
        ShippingChange shipping = request.shipping();
        try {
            return ApiOrder.of(
                    orders.changeState(
                            principal.getName(),
                            serialCode,
                            new StateChange(
                                    request.orderStatus(),
                                    request.paymentStatus(),
                                    shipping == null ? null : shipping.shippingStatus(),
                                    shipping == null ? null : shipping.carrier(),
                                    shipping == null ? null : shipping.trackingNumber(),
                                    shipping == null ? null : shipping.shippedDate(),
                                    shipping == null ? null : shipping.deliveryId())),
                    EnumSet.allOf(ApiOrder.Block.class));
        } catch (OrderNotFound e) {
            throw notFound(serialCode);
        } catch (IllegalStateChange e) {
            throw badRequest(e.field(), e.getMessage());
        }
    }

    private static Set<ApiOrder.Block> blocks(String path) {
        if ("all".equals(path)) {
            return EnumSet.allOf(ApiOrder.Block.class);
        }
        Set<ApiOrder.Block> blocks = EnumSet.of(ApiOrder.Block.basic);
        for (String name : path.split(",")) {
            try {
                blocks.add(ApiOrder.Block.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw badRequest(
                        "blocks",
                        "unknown block '" + name + "'; use all or basic, buyer, deliveries, payment, amounts");
            }
        }
        return blocks;
    }

    private static ErrorResponseException notFound(String serialCode) {
        return ApiErrors.notFound("No order " + serialCode + " at this shop.");
    }

    private static ErrorResponseException badRequest(String field, String message) {
        return ApiErrors.badRequest(field, message);
    }
}
