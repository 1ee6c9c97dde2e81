package jp.juchu.oms.settings.web;

import jakarta.validation.Valid;
import java.util.List;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
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

    static final List<String> PREFECTURES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県",
            "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
            "鹿児島県", "沖縄県");

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
                                c.email()))
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
                form.email().strip()));
        redirect.addFlashAttribute("saved", true);
        return wizard != null ? "redirect:/settings/malls?wizard" : "redirect:/settings/contractor";
    }

    @GetMapping("/settings/malls")
    String malls() {
        return "settings/malls";
    }
}
