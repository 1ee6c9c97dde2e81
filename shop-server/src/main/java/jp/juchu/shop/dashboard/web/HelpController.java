package jp.juchu.shop.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's help (the dashboard's support links): a FAQ and the manual, whose screenshots the browser tests
 * take of the real pages ({@code AdminManualBrowserTest}).
 */
@Controller
class HelpController {

    @GetMapping("/admin/help/faq")
    String faq() {
        return "help/faq";
    }

    @GetMapping("/admin/help/manual")
    String manual() {
        return "help/manual";
    }
}
