package jp.juchu.shop.files.web;

import java.security.Principal;
import jp.juchu.shop.files.FilesRefused;
import jp.juchu.shop.files.ProtectedDirectories;
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

/** Server → ユーザー認証: directories of {@code /docs/} that ask for a user and password, and their users. */
@Controller
@RequestMapping("/admin/server/auth")
class UserAuthController {

    private final ProtectedDirectories directories;

    UserAuthController(ProtectedDirectories directories) {
        this.directories = directories;
    }

    record DirectoryForm(String path, String label) {}

    record UserForm(Long directoryId, String username, String password) {}

    @GetMapping
    String page(Principal principal, Model model) {
        if (!model.containsAttribute("directoryForm")) {
            model.addAttribute("directoryForm", new DirectoryForm("", ""));
        }
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new UserForm(null, "", ""));
        }
        model.addAttribute("shopId", principal.getName());
        model.addAttribute("directories", directories.list(principal.getName()));
        model.addAttribute("maxDirectories", ProtectedDirectories.MAX_DIRECTORIES);
        model.addAttribute("maxUsers", ProtectedDirectories.MAX_USERS);
        return "files/auth";
    }

    @PostMapping
    String protect(
            @ModelAttribute("directoryForm") DirectoryForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            directories.protect(principal.getName(), form.path(), form.label());
        } catch (FilesRefused e) {
            binding.rejectValue(e.field(), e.messageKey());
            return page(principal, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/auth";
    }

    @PostMapping("/{id}/delete")
    String unprotect(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        directories.unprotect(principal.getName(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/auth";
    }

    @PostMapping("/{id}/users")
    String setUser(
            @PathVariable long id,
            @ModelAttribute("userForm") UserForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            directories.setUser(principal.getName(), id, form.username(), form.password());
        } catch (FilesRefused e) {
            binding.rejectValue(e.field(), e.messageKey());
            return page(principal, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/auth";
    }

    @PostMapping("/{id}/users/delete")
    String removeUser(
            @PathVariable long id, @RequestParam String username, Principal principal, RedirectAttributes redirect) {
        directories.removeUser(principal.getName(), id, username);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/auth";
    }
}
