package jp.juchu.shop.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in API controller on both API paths, for testing the API's security and conventions without
 * depending on the real order and item controllers. Its paths are kept out of the OpenAPI documents.
 */
@RestController
@Validated
class ApiProbeController {

    enum OrderStatus {
        New,
        Processing,
        Completed,
        Cancelled
    }

    record Shipping(@NotBlank String trackingNumber, LocalDate shippedDate) {}

    record EchoRequest(
            @NotNull OrderStatus orderStatus,
            @NotNull OffsetDateTime since,
            LocalDate deliveryDate,
            @Min(0) Integer from,
            @Min(1) @Max(100) Integer size,
            @Valid Shipping shipping,
            @Size(max = 3) List<String> itemCodes) {}

    @PostMapping("/api/management/v2/_test/echo")
    EchoRequest echo(@Valid @RequestBody EchoRequest request) {
        return request;
    }

    @GetMapping({"/api/management/v2/_test/whoami", "/api/item/v2/_test/whoami"})
    Map<String, Object> whoami(Principal principal, Authentication authentication) {
        return Map.of(
                "shop_id",
                principal.getName(),
                "authorities",
                authentication.getAuthorities().stream().map(Object::toString).toList());
    }

    @GetMapping("/api/item/v2/_test/ranking")
    Map<String, Object> ranking(@RequestParam("period_days") @Min(1) @Max(365) int periodDays) {
        return Map.of("period_days", periodDays);
    }

    @GetMapping("/api/management/v2/_test/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
