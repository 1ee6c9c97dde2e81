package jp.juchu.shop.customers.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.shop.customers.ClientQuery;
import jp.juchu.shop.customers.Clients;
import jp.juchu.shop.customers.InvalidCustomer;
import jp.juchu.shop.customers.ItemReviews;
import jp.juchu.shop.customers.Member;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.NotEnoughPoints;
import jp.juchu.shop.customers.Reviews;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform API's customers: client search and member points on the management API (manager key), an
 * item's published reviews on the item API (open key).
 */
@RestController
class ClientApiController {

    private final Clients clients;
    private final Members members;
    private final Reviews reviews;

    ClientApiController(Clients clients, Members members, Reviews reviews) {
        this.clients = clients;
        this.members = members;
        this.reviews = reviews;
    }

    record SearchRequest(
            String mailAddress,
            String account,
            String name,
            String nameKana,
            @Min(0) Integer from,
            @Min(1) @Max(100) Integer size) {}

    record MemberRef(String account) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiClient(String name, String nameKana, String mailAddress, String phone, MemberRef member) {}

    record SearchResponse(long totalCount, int from, int size, List<ApiClient> clients) {}

    record Point(long validPoint) {}

    record PointResponse(String account, Point point) {}

    record PointChange(
            @NotNull Long change, @Size(max = 100) String reason) {}

    /** The platform's point operation: add (positive) or take (negative) points, with a note. */
    record PointOperation(
            @NotBlank @Size(max = 40) String account,
            @NotNull Long operationPoint,
            @Size(max = 100) String note) {}

    record ApiReview(int rating, String title, String body, String nickname, OffsetDateTime postedAt) {}

    record ReviewsResponse(String itemCode, long totalCount, Double averageRating, List<ApiReview> reviews) {}

    @PostMapping("/api/management/v2/client/_search")
    SearchResponse search(@Valid @RequestBody SearchRequest request, Principal principal) {
        ClientQuery query =
                new ClientQuery(request.mailAddress(), request.account(), request.name(), request.nameKana(), null);
        if (query.isEmpty()) {
            throw ApiErrors.badRequest("mail_address", "give at least one of mail_address, account, name, name_kana");
        }
        int from = request.from() == null ? 0 : request.from();
        int size = request.size() == null ? 100 : request.size();
        Clients.ClientPage page = clients.search(principal.getName(), query, from, size);
        return new SearchResponse(
                page.total(),
                from,
                size,
                page.clients().stream()
                        .map(c -> new ApiClient(
                                c.name(),
                                c.kana(),
                                c.email(),
                                c.phone(),
                                c.member() ? new MemberRef(c.account()) : null))
                        .toList());
    }

    @GetMapping("/api/management/v2/client/members-account/point")
    PointResponse points(@RequestParam String account, Principal principal) {
        Member member = members.find(principal.getName(), account)
                .orElseThrow(() -> ApiErrors.notFound("No member " + account + " at this shop."));
        return new PointResponse(member.account(), new Point(member.points()));
    }

    /** Adds or (negative) removes points with a reason; the balance never goes below zero. */
    @PutMapping("/api/management/v2/client/members-account/point")
    PointResponse changePoints(
            @RequestParam String account, @Valid @RequestBody PointChange change, Principal principal) {
        return operate(principal.getName(), account, change.change(), change.reason(), "change");
    }

    /**
     * The same operation as the platform's clients call it: {@code account}, {@code operation_point} and
     * {@code note} in the body. Written to the member's points ledger with the note as its reason.
     */
    @PostMapping("/api/management/v2/client/members-account/point/_operate")
    PointResponse operatePoints(@Valid @RequestBody PointOperation operation, Principal principal) {
        return operate(
                principal.getName(),
                operation.account(),
                operation.operationPoint(),
                operation.note(),
                "operation_point");
    }

    private PointResponse operate(String shopId, String account, long change, String reason, String changeField) {
        if (members.find(shopId, account).isEmpty()) {
            throw ApiErrors.notFound("No member " + account + " at this shop.");
        }
        try {
            long balance = members.changePoints(
                    shopId, account, change, reason == null || reason.isBlank() ? "API" : reason, null);
            return new PointResponse(account, new Point(balance));
        } catch (InvalidCustomer e) {
            throw ApiErrors.badRequest("change".equals(e.field()) ? changeField : e.field(), e.getMessage());
        } catch (NotEnoughPoints e) {
            throw ApiErrors.withField(HttpStatus.CONFLICT, "The member has fewer points.", changeField, e.getMessage());
        }
    }

    @GetMapping("/api/item/v2/items/{itemCode}/reviews")
    ReviewsResponse reviews(@PathVariable String itemCode, Principal principal) {
        ItemReviews found = reviews.of(principal.getName(), itemCode);
        return new ReviewsResponse(
                itemCode,
                found.reviews().size(),
                found.averageRating(),
                found.reviews().stream()
                        .map(r -> new ApiReview(r.rating(), r.title(), r.body(), r.nickname(), r.postedAt()))
                        .toList());
    }
}
