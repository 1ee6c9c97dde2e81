package jp.juchu.oms.exchange.web;

import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;
import jp.juchu.oms.exchange.OrderCsvImports;
import jp.juchu.oms.exchange.OrderCsvImports.Field;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** データ取込: import an order CSV through a template; edit the templates. */
@Controller
class CsvImportController {

    private final OrderCsvImports imports;

    CsvImportController(OrderCsvImports imports) {
        this.imports = imports;
    }

    @GetMapping("/exchange/import")
    String page(@RequestParam(required = false) Long template, Model model) {
        model.addAttribute("templates", imports.templates());
        model.addAttribute("fields", Field.values());
        model.addAttribute(
                "editing",
                template == null
                        ? null
                        : imports.templates().stream()
                                .filter(t -> t.id() == template)
                                .findFirst()
                                .orElse(null));
        return "exchange/import";
    }

    @PostMapping("/exchange/import")
    String importFile(
            @RequestParam long template,
            @RequestParam("file") MultipartFile file,
            Principal principal,
            RedirectAttributes redirect) {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return "redirect:/exchange/import";
        }
        try {
            redirect.addFlashAttribute(
                    "result",
                    imports.importFile(
                            imports.template(template), file.getOriginalFilename(), file, principal.getName()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/exchange/import";
    }

    @PostMapping("/exchange/templates")
    String saveTemplate(
            @RequestParam(required = false) Long id,
            @RequestParam String name,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            columns.put(f, params.get("column." + f.name()));
        }
        try {
            long saved = imports.save(id, name, columns);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exchange/import?template=" + saved;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/exchange/import" + (id == null ? "" : "?template=" + id);
        }
    }
}
