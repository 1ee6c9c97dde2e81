package jp.juchu.oms.users.web;

import jakarta.validation.Valid;
import java.security.Principal;
import jp.juchu.oms.users.Role;
import jp.juchu.oms.users.UserChangeRefused;
import jp.juchu.oms.users.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ユーザー管理: list, add, change role, disable or enable, reset password. Admins only (SecurityConfiguration). */
@Controller
@RequestMapping("/settings/users")
class UserController {

    /** Same rule as a new user's initial password. */
    static final int MIN_PASSWORD = 10;

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", NewUserForm.empty());
        }
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "users/list";
    }

    @PostMapping
    String add(
            @Valid @ModelAttribute("form") NewUserForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                users.add(
                        form.loginId().strip(),
                        form.displayName().strip(),
                        form.role(),
                        form.password(),
                        actor(principal));
                redirect.addFlashAttribute("done", "users.added");
                redirect.addFlashAttribute("doneArg", form.loginId().strip());
                return "redirect:/settings/users";
            } catch (UserChangeRefused refused) {
                errors.rejectValue("loginId", refused.messageCode());
            }
        }
        return list(model);
    }

    @PostMapping("/{loginId}/role")
    String changeRole(
            @PathVariable String loginId, @RequestParam Role role, Principal principal, RedirectAttributes redirect) {
        return change(loginId, redirect, "users.roleChanged", () -> users.changeRole(loginId, role, actor(principal)));
    }

    @PostMapping("/{loginId}/enabled")
    String setEnabled(
            @PathVariable String loginId,
            @RequestParam boolean enabled,
            Principal principal,
            RedirectAttributes redirect) {
        return change(
                loginId,
                redirect,
                enabled ? "users.enabledNow" : "users.disabledNow",
                () -> users.setEnabled(loginId, enabled, actor(principal)));
    }

    @PostMapping("/{loginId}/password")
    String resetPassword(
            @PathVariable String loginId,
            @RequestParam String password,
            Principal principal,
            RedirectAttributes redirect) {
        if (password.length() < MIN_PASSWORD) {
            redirect.addFlashAttribute("refused", "users.password.size");
            redirect.addFlashAttribute("refusedArg", loginId);
            return "redirect:/settings/users";
        }
        return change(
                loginId,
                redirect,
                "users.passwordReset",
                () -> users.resetPassword(loginId, password, actor(principal)));
    }

    private static String change(String loginId, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneArg", loginId);
        } catch (UserChangeRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageCode());
            redirect.addFlashAttribute("refusedArg", loginId);
        }
        return "redirect:/settings/users";
    }

    private static String actor(Principal principal) {
        return principal.getName();
    }
}
