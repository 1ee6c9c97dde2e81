package jp.juchu.shop.shops.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AdminLoginController {

    @GetMapping("/admin/login")
    String login() {
        return "shops/login";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/admin";
    }
}
