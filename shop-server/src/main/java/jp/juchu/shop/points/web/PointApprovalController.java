package jp.juchu.shop.points.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.shop.points.PointApprovals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 承認待ちポイント: the points members earned, with their orders' shipping, approved or refused in bulk. */
@Controller
class PointApprovalController {

    private static final int PAGE = 200;

    private final PointApprovals approvals;

    PointApprovalController(PointApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/admin/points")
    String list(Principal principal, Model model) {
        model.addAttribute("pending", approvals.pending(principal.getName(), PAGE));
        model.addAttribute("pendingCount", approvals.pendingCount(principal.getName()));
        return "points/approvals";
    }

    @PostMapping("/admin/points")
    String decide(
            @RequestParam(name = "id", required = false) List<String> ids,
            @RequestParam(defaultValue = "") String decision,
            Principal principal,
            RedirectAttributes redirect) {
        List<Long> entries = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (!id.matches("\\d{1,18}")) {
                redirect.addFlashAttribute("error", "points.error.invalid");
                return "redirect:/admin/points";
            }
            entries.add(Long.parseLong(id));
        }
        if (entries.isEmpty()) {
            redirect.addFlashAttribute("error", "points.error.none");
            return "redirect:/admin/points";
        }
        if (entries.size() > PointApprovals.MAX_BULK) {
            redirect.addFlashAttribute("error", "points.error.tooMany");
            return "redirect:/admin/points";
        }
        PointApprovals.Decided decided;
        switch (decision) {
            case "approve" -> decided = approvals.approve(principal.getName(), entries);
            case "refuse" -> decided = approvals.refuse(principal.getName(), entries);
            default -> {
                redirect.addFlashAttribute("error", "points.error.decision");
                return "redirect:/admin/points";
            }
        }
        redirect.addFlashAttribute("decision", decision);
        redirect.addFlashAttribute("decided", decided.decided());
        redirect.addFlashAttribute("alreadyDecided", decided.alreadyDecided());
        return "redirect:/admin/points";
    }
}
