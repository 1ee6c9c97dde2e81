package jp.juchu.oms.products.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.juchu.oms.products.internal.ProductCsv;
import jp.juchu.oms.products.internal.ProductCsvExport;
import jp.juchu.oms.system.JapaneseCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 商品CSV: download and upload the products, the set components and the listings. */
@Controller
class ProductCsvController {

    private final ProductCsv csv;
    private final ProductCsvExport export;

    ProductCsvController(ProductCsv csv, ProductCsvExport export) {
        this.csv = csv;
        this.export = export;
    }

    @GetMapping("/products/csv")
    String page(Model model) {
        model.addAttribute("kinds", ProductCsv.Kind.values());
        model.addAttribute("maxLines", ProductCsv.MAX_LINES);
        return "products/csv";
    }

    /** The file as Shift_JIS (what Excel opens in Japan) or UTF-8 with a BOM. */
    @GetMapping("/products/csv/{kind}")
    void download(
            @PathVariable ProductCsv.Kind kind,
            @RequestParam(defaultValue = "sjis") String charset,
            HttpServletResponse response)
            throws IOException {
        boolean utf8 = "utf8".equals(charset);
        Charset encoding = utf8 ? StandardCharsets.UTF_8 : JapaneseCsv.WINDOWS_31J;
        String name = "products-" + kind.name().toLowerCase() + "-"
                + LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
        response.setContentType("text/csv; charset=" + (utf8 ? "UTF-8" : "Shift_JIS"));
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment().filename(name).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), encoding);
        if (utf8) {
            out.write('\uFEFF');
        }
        export.export(kind, out);
    }

    @PostMapping("/products/csv")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String upload(
            @RequestParam ProductCsv.Kind kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Principal principal,
            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return "redirect:/products/csv";
        }
        try {
            redirect.addFlashAttribute(
                    "result", csv.importFile(kind, file.getOriginalFilename(), file, principal.getName()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/products/csv";
    }
}
