package jp.juchu.oms.purchasing.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The line a purchasing page shows after a change went through, in the user's language (purchasing.saved.*). */
@Component
class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    void saved(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("saved", text(key, args));
    }

    /** A list of codes or numbers joined the way the language writes a list (、 or ", "). */
    String list(List<String> items) {
        return String.join(text("purchasing.saved.separator"), items);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }
}
