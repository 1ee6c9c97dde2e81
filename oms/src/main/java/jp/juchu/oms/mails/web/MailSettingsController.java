package jp.juchu.oms.mails.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.mails.internal.InputRefused;
import jp.juchu.oms.mails.internal.MailServer;
import jp.juchu.oms.mails.internal.MailServers;
import jp.juchu.oms.mails.internal.MailTests;
import jp.juchu.oms.mails.internal.ShopSender;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** メール設定: the SMTP server (or none: .eml files), a test mail, and each shop's sender details. */
@Controller
class MailSettingsController {

    private final MailServers servers;
    private final MailTests tests;
    private final MallConnections connections;

    MailSettingsController(MailServers servers, MailTests tests, MallConnections connections) {
        this.servers = servers;
        this.tests = tests;
        this.connections = connections;
    }

    @GetMapping("/settings/mail")
    String page(Model model) {
        if (!model.containsAttribute("server")) {
            model.addAttribute("server", servers.server());
        }
        Map<Long, ShopSender> senders = new LinkedHashMap<>();
        servers.shops().forEach(s -> senders.put(s.connectionId(), s));
        model.addAttribute("senders", senders);
        model.addAttribute("shops", connections.channels());
        return "mails/settings";
    }

    @PostMapping("/settings/mail")
    @PreAuthorize("hasRole('ADMIN')")
    String save(
            @RequestParam(defaultValue = "") String host,
            @RequestParam(defaultValue = "587") int port,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean forgetPassword,
            @RequestParam(defaultValue = "STARTTLS") String security,
            @RequestParam(defaultValue = "") String fromAddress,
            @RequestParam(defaultValue = "") String fromName,
            Authentication user,
            RedirectAttributes redirect) {
        MailServer server = new MailServer(host, port, username, false, security, fromAddress, fromName);
        try {
            servers.save(server, password, forgetPassword, user.getName());
            redirect.addFlashAttribute("notice", "メール設定を保存しました");
        } catch (InputRefused e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("server", server);
        }
        return "redirect:/settings/mail";
    }

    @PostMapping("/settings/mail/shops/{connectionId}")
    @PreAuthorize("hasRole('ADMIN')")
    String saveShop(
            @PathVariable long connectionId,
            @RequestParam(defaultValue = "") String shopName,
            @RequestParam(defaultValue = "") String fromAddress,
            @RequestParam(defaultValue = "") String shopUrl,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String signature,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            servers.saveShop(
                    new ShopSender(connectionId, shopName, fromAddress, shopUrl, phone, signature), user.getName());
            String name =
                    connections.find(connectionId).map(MallConnection::shopId).orElse("");
            redirect.addFlashAttribute("notice", "店舗 " + name + " の送信者情報を保存しました");
        } catch (InputRefused e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/settings/mail";
    }

    /** テスト送信: one mail through the server as saved, to an address the person gives; the result is shown. */
    @PostMapping("/settings/mail/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
        MailTests.Result result = tests.send(to.strip());
        redirect.addFlashAttribute(
                result.ok() ? "notice" : "problems", result.ok() ? result.message() : List.of(result.message()));
        return "redirect:/settings/mail";
    }
}
