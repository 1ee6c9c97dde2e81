package jp.juchu.shop.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Menu entries of the real platform that this one does not offer say so plainly instead of linking nowhere. */
@Controller
class NotYetBuiltController {

    @GetMapping("/admin/not-yet")
    String notYet(@RequestParam(defaultValue = "") String feature, Model model) {
        model.addAttribute("feature", feature);
        return "system/not-yet";
    }
}
