package jp.juchu.oms.audit.web;

import java.util.List;
import jp.juchu.oms.audit.AuditEntry;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 監査ログ: newest first, narrowed to one action, a page at a time. Admins only (SecurityConfiguration). */
@Controller
class AuditLogController {

    static final int PAGE_SIZE = 50;

    /** The actions the OMS writes today, offered in the filter; others can still be typed. */
    static final List<String> KNOWN_ACTIONS = List.of(
            "USER_ADDED",
            "USER_ROLE_CHANGED",
            "USER_DISABLED",
            "USER_ENABLED",
            "USER_PASSWORD_RESET",
            "ORDERS_DELETED",
            "ORDER_DATA_RESET");

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/settings/audit")
    String log(@RequestParam(required = false) String action, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(page, 1);
        String filter = action == null ? "" : action.strip();
        // one more than a page tells whether there is a next page without counting the whole log
        List<AuditEntry> entries = audit.recent(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), PAGE_SIZE)));
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("action", filter);
        model.addAttribute("actions", KNOWN_ACTIONS);
        return "audit/log";
    }
}
