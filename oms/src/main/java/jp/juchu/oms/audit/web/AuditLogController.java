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
        model.addAttribute("actions", jp.juchu.oms.audit.AuditActions.all().keySet());
        return "audit/log";
    }
}
