package jp.juchu.shop.notifications.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.juchu.shop.notifications.EndpointRefused;
import jp.juchu.shop.notifications.NotificationEndpoint;
import jp.juchu.shop.notifications.NotificationEndpoints;
import jp.juchu.shop.notifications.NotificationEvent;
import jp.juchu.shop.notifications.RegisteredEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Server → ショップサーバAPI → 変更通知: the shop's endpoints, registering one (its secret travels to the page once, as a
 * flash attribute of the redirect), each one's delivery log, resuming a paused one and removing one.
 */
@Controller
@RequestMapping("/admin/server/api/notifications")
class NotificationAdminController {

    private static final int LOG_LINES = 50;

    private final NotificationEndpoints endpoints;

    NotificationAdminController(NotificationEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping
    String page(Principal principal, Model model) {
        model.addAttribute("endpoints", endpoints.list(principal.getName()));
        model.addAttribute("events", NotificationEvent.values());
        if (!model.containsAttribute("url")) {
            model.addAttribute("url", "");
            model.addAttribute("chosen", EnumSet.allOf(NotificationEvent.class));
        }
        return "notifications/endpoints";
    }

    @PostMapping
    String register(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Set<NotificationEvent> chosen = EnumSet.noneOf(NotificationEvent.class);
        if (events != null) {
            events.stream()
                    .limit(NotificationEvent.values().length * 2L)
                    .map(NotificationEvent::parse)
                    .forEach(e -> e.ifPresent(chosen::add));
        }
        try {
            RegisteredEndpoint registered = endpoints.register(principal.getName(), url, chosen, principal.getName());
            redirect.addFlashAttribute("registered", registered.endpoint().id());
            redirect.addFlashAttribute("newSecret", registered.secret());
            return "redirect:/admin/server/api/notifications";
        } catch (EndpointRefused refused) {
            model.addAttribute("refused", refused);
            model.addAttribute("url", url == null ? "" : url.length() > 600 ? url.substring(0, 600) : url);
            model.addAttribute("chosen", chosen);
            return page(principal, model);
        }
    }

    @GetMapping("/{id}")
    String endpoint(@PathVariable long id, Principal principal, Model model) {
        NotificationEndpoint endpoint = endpoints.find(principal.getName(), id).orElse(null);
        if (endpoint == null) {
            return "redirect:/admin/server/api/notifications";
        }
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", endpoints.deliveries(principal.getName(), id, LOG_LINES));
        return "notifications/endpoint";
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        if (endpoints.resume(principal.getName(), id)) {
            redirect.addFlashAttribute("resumed", true);
        }
        return "redirect:/admin/server/api/notifications/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        if (endpoints.remove(principal.getName(), id)) {
            redirect.addFlashAttribute("removed", true);
        }
        return "redirect:/admin/server/api/notifications";
    }
}
