package jp.juchu.shop.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    @GetMapping("/admin")
    String top() {
        return "dashboard/top";
    }
}
