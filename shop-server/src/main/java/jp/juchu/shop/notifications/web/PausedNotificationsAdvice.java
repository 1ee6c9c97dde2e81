package jp.juchu.shop.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import jp.juchu.shop.notifications.NotificationEndpoints;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the shop on every admin page while one of its notification endpoints is paused (the notice in the header). */
@ControllerAdvice
class PausedNotificationsAdvice {

    private final NotificationEndpoints endpoints;

    PausedNotificationsAdvice(NotificationEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @ModelAttribute("pausedNotifications")
    Integer pausedNotifications(Principal principal, HttpServletRequest request) {
        if (principal == null || !request.getRequestURI().startsWith("/admin")) {
            return null;
        }
        return endpoints.pausedCount(principal.getName());
    }
}
