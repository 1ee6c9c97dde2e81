package jp.juchu.oms.settings.web;

import jakarta.validation.Valid;
import java.util.List;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.support.address.Prefectures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 各種設定 (seed B2): the settings list, the initial-setup wizard, 契約者情報 and モール選択. */
@Controller
class SettingsController {

    static final List<String> PREFECTURES = Prefectures.ALL;

    private final ContractorInfo contractor;

    SettingsController(ContractorInfo contractor) {
        this.contractor = contractor;
    }

    @GetMapping("/settings")
    String list() {
        return "settings/list";
    }

    /** 初期設定ウィザード: contractor info, then mall selection, then mall detail settings. */
    @GetMapping("/settings/wizard")
    String wizard() {
        return contractor.get().isEmpty() ? "redirect:/settings/contractor?wizard" : "redirect:/settings/malls?wizard";
    }

    @GetMapping("/settings/contractor")
    String contractor(Model model) {
        model.addAttribute(
                "form",
                contractor
                        .get()
                        .map(c -> new ContractorForm(
                                c.companyName(),
                                c.representative(),
                                c.postalCode(),
                                c.prefecture(),
                                c.address(),
                                c.phone(),
                                c.email(),
                                c.registrationNumber()))
                        .orElse(ContractorForm.empty()));
        model.addAttribute("prefectures", PREFECTURES);
        return "settings/contractor";
    }

    @PostMapping("/settings/contractor")
    @PreAuthorize("hasRole('ADMIN')")
    String saveContractor(
            @Valid @ModelAttribute("form") ContractorForm form,
            BindingResult errors,
            @RequestParam(required = false) String wizard,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("prefecture") && !PREFECTURES.contains(form.prefecture())) {
            errors.rejectValue("prefecture", "settings.prefecture.unknown");
        }
        if (errors.hasErrors()) {
            model.addAttribute("prefectures", PREFECTURES);
            return "settings/contractor";
        }
        contractor.save(new Contractor(
                form.companyName().strip(),
                form.representative().strip(),
                form.postalCode().strip(),
                form.prefecture(),
                form.address().strip(),
                form.phone().strip(),
                form.email().strip(),
                form.registrationNumber()));
        redirect.addFlashAttribute("saved", true);
        return wizard != null ? "redirect:/settings/malls?wizard" : "redirect:/settings/contractor";
    }

    @GetMapping("/settings/malls")
    String malls() {
        return "settings/malls";
    }
}
