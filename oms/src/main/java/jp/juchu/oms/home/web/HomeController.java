package jp.juchu.oms.home.web;

import jp.juchu.oms.malls.ConnectionStatus;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final MallConnections connections;

    HomeController(MallConnections connections) {
        this.connections = connections;
    }

    /** Home shows first what needs the merchant: connections whose key was refused or that fail. */
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "brokenConnections",
                connections.all().stream()
                        .filter(c -> c.status() == ConnectionStatus.KEY_INVALID || c.status() == ConnectionStatus.ERROR)
                        .toList());
        model.addAttribute("connections", connections.all());
        return "home/home";
    }
}
