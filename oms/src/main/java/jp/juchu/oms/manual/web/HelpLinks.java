package jp.juchu.oms.manual.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page's layout its own address, so that its help link (?) opens the manual where it is explained. */
@ControllerAdvice
class HelpLinks {

    @ModelAttribute("helpPage")
    String helpPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
