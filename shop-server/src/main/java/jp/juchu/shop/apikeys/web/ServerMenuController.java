package jp.juchu.shop.apikeys.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The server tab's landing page (サーバー): the sub-menu of the platform's server features. */
@Controller
class ServerMenuController {

    @GetMapping("/admin/server")
    String menu() {
        return "apikeys/server-menu";
    }
}
