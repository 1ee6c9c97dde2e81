package jp.juchu.oms.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Menu entries whose pages are not built yet say so plainly instead of linking nowhere. */
@Controller
class NotYetBuiltController {

    @GetMapping("/not-yet")
    String notYet(@RequestParam(defaultValue = "") String feature, Model model) {
        model.addAttribute("feature", feature);
        return "system/not-yet";
    }
}
