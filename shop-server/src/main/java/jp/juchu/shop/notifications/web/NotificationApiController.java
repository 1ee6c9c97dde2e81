package jp.juchu.shop.notifications.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.juchu.shop.notifications.EndpointRefused;
import jp.juchu.shop.notifications.NotificationEndpoint;
import jp.juchu.shop.notifications.NotificationEndpoints;
import jp.juchu.shop.notifications.NotificationEvent;
import jp.juchu.shop.notifications.RegisteredEndpoint;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API's change notifications (docs/notifications.md): register an endpoint (the answer carries its
 * secret, the only time it is shown), list them, remove one, resume a paused one. Manager key only.
 */
@RestController
@RequestMapping("/api/management/v2/notifications/endpoints")
class NotificationApiController {

    private final NotificationEndpoints endpoints;
    private final MessageSource messages;

    NotificationApiController(NotificationEndpoints endpoints, MessageSource messages) {
        this.endpoints = endpoints;
        this.messages = messages;
    }

    record RegisterRequest(
            @NotNull @Size(max = 500) String url,
            @NotNull @Size(min = 1, max = 2) List<@NotNull String> events) {}

    record EndpointView(
            long id,
            String url,
            List<String> events,
            String status,
            int consecutiveFailures,
            OffsetDateTime pausedAt,
            String pausedReason,
            OffsetDateTime createdAt) {

        static EndpointView of(NotificationEndpoint e) {
            return new EndpointView(
                    e.id(),
                    e.url(),
                    e.events().stream().map(NotificationEvent::wireName).toList(),
                    e.paused() ? "paused" : "active",
                    e.consecutiveFailures(),
                    e.pausedAt(),
                    e.pausedReason(),
                    e.createdAt());
        }
    }

    record Registered(EndpointView endpoint, String secret) {}

    record EndpointList(List<EndpointView> endpoints) {}

    @PostMapping
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request, Principal principal) {
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        for (String name : request.events()) {
            events.add(NotificationEvent.parse(name)
                    .orElseThrow(() -> ApiErrors.badRequest(
                            "events", "unknown event '" + printable(name) + "'; use order.placed or order.changed")));
        }
        try {
            RegisteredEndpoint registered =
                    endpoints.register(principal.getName(), request.url(), events, "api:" + principal.getName());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Registered(EndpointView.of(registered.endpoint()), registered.secret()));
        } catch (EndpointRefused refused) {
            throw ApiErrors.withField(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The endpoint cannot be registered.",
                    refused.field(),
                    messages.getMessage(refused.messageKey(), refused.args(), Locale.ENGLISH));
        }
    }

    @GetMapping
    EndpointList list(Principal principal) {
        return new EndpointList(endpoints.list(principal.getName()).stream()
                .map(EndpointView::of)
                .toList());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id, Principal principal) {
        if (!endpoints.remove(principal.getName(), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/resume")
    EndpointView resume(@PathVariable long id, Principal principal) {
        if (!endpoints.resume(principal.getName(), id)) {
            throw notFound(id);
        }
        return EndpointView.of(endpoints.find(principal.getName(), id).orElseThrow(() -> notFound(id)));
    }

    private static ErrorResponseException notFound(long id) {
        return ApiErrors.notFound("No notification endpoint " + id + " at this shop.");
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
