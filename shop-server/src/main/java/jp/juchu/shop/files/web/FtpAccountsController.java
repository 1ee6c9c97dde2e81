package jp.juchu.shop.files.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import jp.juchu.shop.files.FilesRefused;
import jp.juchu.shop.files.FilesSettings;
import jp.juchu.shop.files.FtpAccess;
import jp.juchu.shop.files.FtpAccount;
import jp.juchu.shop.files.FtpAccounts;
import jp.juchu.shop.files.ShopFiles;
import jp.juchu.shop.files.internal.ShopFtpServer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Server → FTPアカウント: create up to three accounts, change their passwords, delete them. */
@Controller
@RequestMapping("/admin/server/ftp")
class FtpAccountsController {

    private final FtpAccounts accounts;
    private final FilesSettings settings;
    private final ShopFtpServer ftpServer;
    private final ShopFiles files;
    private final Clock clock;

    FtpAccountsController(
            FtpAccounts accounts, FilesSettings settings, ShopFtpServer ftpServer, ShopFiles files, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.ftpServer = ftpServer;
        this.files = files;
        this.clock = clock;
    }

    /** Bytes as megabytes with one decimal, e.g. {@code 12.3}. */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.1f", bytes / (1024.0 * 1024.0));
    }

    /** The form as posted; every field a string, so nothing fails to bind and every error is the service's. */
    record AccountForm(String suffix, String password, String access) {}

    record PasswordForm(String password) {}

    @GetMapping
    String page(Principal principal, Model model, HttpServletRequest request) {
        if (!model.containsAttribute("accountForm")) {
            model.addAttribute("accountForm", new AccountForm("", "", FtpAccess.ALL.name()));
        }
        String shopId = principal.getName();
        model.addAttribute("prefix", FtpAccounts.prefix(shopId));
        List<FtpAccount> list = accounts.list(shopId);
        model.addAttribute("accounts", list);
        model.addAttribute(
                "emptySlots",
                IntStream.range(list.size(), FtpAccounts.MAX_PER_SHOP).boxed().toList());
        model.addAttribute("ftpHost", request.getServerName());
        model.addAttribute("ftpPort", ftpServer.port());
        model.addAttribute("tlsRequired", settings.ftp().requireTls());
        long usage = files.usage(shopId);
        model.addAttribute("usageMb", megabytes(usage));
        model.addAttribute("quotaMb", megabytes(files.quota()));
        model.addAttribute("usagePercent", Math.min(100, usage * 100 / Math.max(1, files.quota())));
        model.addAttribute(
                "docsUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/shops/{shopId}/docs/")
                        .buildAndExpand(shopId)
                        .toUriString());
        model.addAttribute("now", clock.instant());
        model.addAttribute("activationMinutes", settings.ftp().activationDelay().toMinutes());
        return "files/ftp";
    }

    @PostMapping
    String create(
            @ModelAttribute("accountForm") AccountForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            accounts.create(principal.getName(), form.suffix(), form.password(), access(form.access()));
        } catch (FilesRefused e) {
            binding.rejectValue(e.field(), e.messageKey());
            return page(principal, model, request);
        }
        redirect.addFlashAttribute("created", FtpAccounts.prefix(principal.getName()) + form.suffix());
        return "redirect:/admin/server/ftp";
    }

    @GetMapping("/{id}/password")
    String passwordPage(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute(
                "account",
                accounts.find(principal.getName(), id)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm(""));
        }
        return "files/ftp-password";
    }

    @PostMapping("/{id}/password")
    String changePassword(
            @PathVariable long id,
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(principal.getName(), id, form.password());
        } catch (FilesRefused e) {
            binding.rejectValue("password", e.messageKey());
            return passwordPage(id, principal, model);
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/admin/server/ftp";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        accounts.delete(principal.getName(), id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/admin/server/ftp";
    }

    private static FtpAccess access(String value) {
        for (FtpAccess access : FtpAccess.values()) {
            if (access.name().equals(value)) {
                return access;
            }
        }
        return null;
    }
}
