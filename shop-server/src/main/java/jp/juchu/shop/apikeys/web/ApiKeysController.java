package jp.juchu.shop.apikeys.web;

import java.security.Principal;
import java.util.Optional;
import jp.juchu.shop.apikeys.ApiKeyStatus;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKey;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.apikeys.KeyKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Server → Shop Server API (ショップサーバAPI): the terms, the application, the two keys and their
 * reissue. A new key travels to the page once, as a flash attribute of the redirect after the POST;
 * afterwards only its first characters are shown.
 */
@Controller
@RequestMapping("/admin/server/api")
class ApiKeysController {

    private final ApiKeys apiKeys;

    ApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String page(Principal principal, Model model) {
        Optional<ApiKeyStatus> status = apiKeys.status(principal.getName());
        if (status.isEmpty()) {
            return "apikeys/terms";
        }
        model.addAttribute("status", status.get());
        return "apikeys/keys";
    }

    @PostMapping("/apply")
    String apply(
            @RequestParam(defaultValue = "false") boolean agree,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (apiKeys.status(principal.getName()).isPresent()) {
            return "redirect:/admin/server/api";
        }
        if (!agree) {
            model.addAttribute("mustAgree", true);
            return "apikeys/terms";
        }
        IssuedKeys keys = apiKeys.issue(principal.getName(), principal.getName());
        redirect.addFlashAttribute("issued", true);
        redirect.addFlashAttribute("newOpenKey", keys.openKey());
        redirect.addFlashAttribute("newManagerKey", keys.managerKey());
        return "redirect:/admin/server/api";
    }

    /** The confirm step before a reissue: the old key stops working at once, so ask first. */
    @GetMapping("/reissue")
    String confirmReissue(@RequestParam KeyKind kind, Principal principal, Model model) {
        if (apiKeys.status(principal.getName()).isEmpty()) {
            return "redirect:/admin/server/api";
        }
        model.addAttribute("kind", kind);
        return "apikeys/reissue";
    }

    @PostMapping("/reissue")
    String reissue(@RequestParam KeyKind kind, Principal principal, RedirectAttributes redirect) {
        if (apiKeys.status(principal.getName()).isEmpty()) {
            return "redirect:/admin/server/api";
        }
        IssuedKey key = apiKeys.reissue(principal.getName(), kind, principal.getName());
        redirect.addFlashAttribute("reissued", kind);
        redirect.addFlashAttribute(kind == KeyKind.OPEN ? "newOpenKey" : "newManagerKey", key.key());
        return "redirect:/admin/server/api";
    }
}
