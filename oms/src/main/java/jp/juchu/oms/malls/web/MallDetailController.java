package jp.juchu.oms.malls.web;

import jakarta.validation.Valid;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallNotifications;
import jp.juchu.oms.malls.MallSettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** モール詳細設定: the merchant's shops, and each Shop Serve shop's "APIアクセス設定" (seed steps 【7】–【11】). */
@Controller
class MallDetailController {

    private final MallConnections connections;
    private final ConnectionSetup setup;
    private final MallSettings settings;
    private final MallNotifications notifications;

    MallDetailController(
            MallConnections connections,
            ConnectionSetup setup,
            MallSettings settings,
            MallNotifications notifications) {
        this.connections = connections;
        this.setup = setup;
        this.settings = settings;
        this.notifications = notifications;
    }

    @GetMapping("/settings/mall-details")
    String list(Model model) {
        model.addAttribute("connections", connections.all());
        return "malls/list";
    }

    @GetMapping("/settings/mall-details/shopserve/new")
    String newConnection(Model model) {
        ConnectionForm form = new ConnectionForm();
        form.setManagementUrl(settings.defaultManagementUrl());
        form.setItemUrl(settings.defaultItemUrl());
        model.addAttribute("form", form);
        return "malls/form";
    }

    @GetMapping("/settings/mall-details/{id}")
    String edit(@PathVariable long id, Model model) {
        MallConnection connection = connection(id);
        model.addAttribute("connection", connection);
        model.addAttribute("notifications", notifications.subscription(id).orElse(null));
        ConnectionForm form = ConnectionForm.of(connection);
        form.setFinishedAsShipped(connections.finishedAsShipped(id));
        model.addAttribute("form", form);
        return "malls/form";
    }

    @PostMapping("/settings/mall-details/shopserve/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @Valid @ModelAttribute("form") ConnectionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!present(form.getOpenKey())) {
            errors.rejectValue("openKey", "malls.form.key.required");
        }
        if (!present(form.getManagerKey())) {
            errors.rejectValue("managerKey", "malls.form.key.required");
        }
        return save(null, form, errors, model, redirect);
    }

    @PostMapping("/settings/mall-details/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ConnectionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("connection", connection(id));
        return save(id, form, errors, model, redirect);
    }

    private String save(Long id, ConnectionForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && connections
                        .findByShopId(Mall.SHOP_SERVE, form.getShopId().strip())
                        .filter(existing -> id == null || existing.id() != id)
                        .isPresent()) {
            errors.rejectValue("shopId", "malls.form.shopId.taken");
        }
        if (errors.hasErrors()) {
            return withoutKeys(form);
        }
        ConnectionSetup.Result result = setup.verifyAndSave(id, form.settings());
        if (!result.saved()) {
            result.problems().forEach(p -> errors.rejectValue(p.field(), p.code(), p.args(), p.code()));
            return withoutKeys(form);
        }
        connections.setFinishedAsShipped(result.connection().id(), form.isFinishedAsShipped());
        redirect.addFlashAttribute("saved", result.connection().shopId());
        return "redirect:/settings/mall-details";
    }

    /** A refused form comes back without the keys typed into it, so they never travel back into a page. */
    private static String withoutKeys(ConnectionForm form) {
        form.setOpenKey(null);
        form.setManagerKey(null);
        return "malls/form";
    }

    /** A Shop Serve connection: the form edits its keys and hosts; other channels have no such settings. */
    private MallConnection connection(long id) {
        return connections
                .find(id)
                .filter(c -> c.mall().equals(Mall.SHOP_SERVE))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Blank means "keep the stored key" when editing, so only a new connection requires both keys. */
    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
