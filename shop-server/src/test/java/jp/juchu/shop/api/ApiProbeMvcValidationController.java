package jp.juchu.shop.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Like {@link ApiProbeController}, but validated by Spring MVC's own method validation (no {@code @Validated}). */
@RestController
class ApiProbeMvcValidationController {

    @GetMapping("/api/item/v2/_test/reviews")
    Map<String, Object> reviews(@RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(50) int limit) {
        return Map.of("limit", limit);
    }
}
