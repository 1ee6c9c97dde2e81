package jp.juchu.shop.accesslog.web;

import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import jp.juchu.shop.accesslog.AccessLog;
import jp.juchu.shop.accesslog.AccessLogPolicy;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Server → アクセスログ設定: logging on or off, the retention, and the daily logs to download. */
@Controller
@RequestMapping("/admin/server/access-log")
class AccessLogController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** As posted: strings, so a wrong number is the page's own Japanese error, not a binding failure. */
    record PolicyForm(String enabled, String retentionDays) {}

    @GetMapping
    String page(Principal principal, Model model) {
        String shopId = principal.getName();
        AccessLogPolicy policy = accessLog.policy(shopId).orElseThrow();
        if (!model.containsAttribute("policyForm")) {
            model.addAttribute(
                    "policyForm",
                    new PolicyForm(Boolean.toString(policy.enabled()), Integer.toString(policy.retentionDays())));
        }
        model.addAttribute("shopId", shopId);
        model.addAttribute("days", accessLog.days(shopId));
        model.addAttribute("maxRetention", AccessLogPolicy.MAX_RETENTION_DAYS);
        return "accesslog/settings";
    }

    @PostMapping
    String save(
            @ModelAttribute("policyForm") PolicyForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Integer days = parse(form.retentionDays());
        if (!AccessLogPolicy.validRetention(days)) {
            binding.rejectValue("retentionDays", "accesslog.error.retention");
            return page(principal, model);
        }
        accessLog.choose(principal.getName(), new AccessLogPolicy("true".equals(form.enabled()), days));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/access-log";
    }

    @GetMapping("/{day}")
    ResponseEntity<FileSystemResource> download(@PathVariable String day, Principal principal) {
        LocalDate date;
        try {
            date = LocalDate.parse(day, DAY);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = accessLog
                .file(principal.getName(), date)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("access_log_" + principal.getName() + "_" + DAY.format(date) + ".log")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
