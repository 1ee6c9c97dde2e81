package jp.juchu.oms.manual.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 操作マニュアル: the table of contents with the search, each chapter, and the help link's target. */
@Controller
class ManualController {

    private final Chapters chapters;

    ManualController(Chapters chapters) {
        this.chapters = chapters;
    }

    @GetMapping("/manual")
    String index(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("chapters", Chapters.ALL);
        model.addAttribute(
                "q", q == null ? "" : q.length() > Chapters.MAX_QUERY ? q.substring(0, Chapters.MAX_QUERY) : q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", chapters.search(q));
        }
        return "manual/index";
    }

    @GetMapping("/manual/{chapter}")
    String chapter(@PathVariable String chapter, Model model) {
        if (!Chapters.ALL.containsKey(chapter)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("chapters", Chapters.ALL);
        model.addAttribute("chapter", chapter);
        model.addAttribute("chapterTitle", Chapters.ALL.get(chapter));
        model.addAttribute("sections", chapters.sections(chapter));
        return "manual/" + chapter;
    }

    /** The ? of every page: the manual's section about that page (the table of contents when none). */
    @GetMapping("/manual/help")
    String help(@RequestParam(required = false) String page) {
        return chapters.helpFor(page)
                .map(target -> "redirect:/manual/" + target)
                .orElse("redirect:/manual");
    }
}
