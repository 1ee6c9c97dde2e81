package jp.juchu.oms.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import jp.juchu.oms.notifications.NotificationInbox;
import jp.juchu.oms.notifications.NotificationReceipt;
import jp.juchu.oms.notifications.NotificationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications/{connectionId}}: a shop's change notification (docs/notifications.md). Reachable
 * without a session and without a CSRF token (the signature is the authentication); the body is read up to
 * {@code oms.notifications.max-body-bytes} and no further. 202 when accepted; otherwise an RFC 9457 problem.
 */
@RestController
class NotificationController {

    static final String TIMESTAMP = "X-Juchu-Timestamp";
    static final String SIGNATURE = "X-Juchu-Signature";

    private final NotificationInbox inbox;
    private final NotificationSettings settings;

    NotificationController(NotificationInbox inbox, NotificationSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
    }

    @PostMapping("/api/notifications/{connectionId}")
    ResponseEntity<?> receive(@PathVariable String connectionId, HttpServletRequest request) throws IOException {
        long id;
        try {
            id = Long.parseLong(connectionId);
        } catch (NumberFormatException e) {
            return problem(NotificationReceipt.UNKNOWN_CONNECTION);
        }
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            return problem(NotificationReceipt.TOO_LARGE);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(settings.maxBodyBytes() + 1);
        }
        NotificationReceipt receipt = body.length > settings.maxBodyBytes()
                ? NotificationReceipt.TOO_LARGE
                : inbox.receive(id, request.getHeader(TIMESTAMP), request.getHeader(SIGNATURE), body);
        if (receipt == NotificationReceipt.ACCEPTED) {
            return ResponseEntity.accepted().build();
        }
        return problem(receipt);
    }

    private static ResponseEntity<ProblemDetail> problem(NotificationReceipt receipt) {
        HttpStatus status = HttpStatus.valueOf(receipt.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(receipt));
        problem.setType(URI.create("https://juchu.example/problems/notification-"
                + receipt.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).body(problem);
    }

    private static String detail(NotificationReceipt receipt) {
        return switch (receipt) {
            case UNKNOWN_CONNECTION -> "No connection here takes notifications at this address.";
            case STALE -> "The X-Juchu-Timestamp header is missing or outside the accepted window around now.";
            case BAD_SIGNATURE -> "The X-Juchu-Signature header is missing or does not match.";
            case REPLAY -> "This notification was received before.";
            case BAD_BODY -> "The body is not a notification of this connection's shop.";
            case TOO_LARGE -> "The body is larger than a notification can be.";
            case ACCEPTED -> "Accepted.";
        };
    }
}
