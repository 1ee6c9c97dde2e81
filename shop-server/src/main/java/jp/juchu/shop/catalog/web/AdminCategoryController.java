package jp.juchu.shop.catalog.web;

import java.security.Principal;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.CategoryNotFound;
import jp.juchu.shop.catalog.InvalidProduct;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** カテゴリ管理 in the shop admin: the tree, with adding, renaming and deleting categories. */
@Controller
class AdminCategoryController {

    private final Categories categories;

    AdminCategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/categories")
    String tree(Principal principal, Model model) {
        model.addAttribute("tree", categories.tree(principal.getName()));
        model.addAttribute("paths", AdminProductController.paths(categories.tree(principal.getName())));
        return "catalog/categories";
    }

    @PostMapping("/admin/categories")
    String add(
            @RequestParam(required = false) String parent,
            @RequestParam String name,
            Principal principal,
            RedirectAttributes redirect) {
        return act(redirect, () -> categories.add(principal.getName(), parent, name));
    }

    @PostMapping("/admin/categories/rename")
    String rename(
            @RequestParam String path, @RequestParam String name, Principal principal, RedirectAttributes redirect) {
        return act(redirect, () -> categories.rename(principal.getName(), path, name));
    }

    @PostMapping("/admin/categories/delete")
    String delete(@RequestParam String path, Principal principal, RedirectAttributes redirect) {
        return act(redirect, () -> categories.delete(principal.getName(), path));
    }

    private static String act(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidProduct | CategoryNotFound e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/categories";
    }
}
