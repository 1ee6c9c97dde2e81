package jp.juchu.oms.system;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Bad input that reaches a controller gets a 4xx page in the merchant's words, never a 500 or a framework's
 * sentence: a value that cannot be read names its field, an index that is not on the page is a 400 ({@link
 * RequestLimits} refuses most of them before binding), and the database's own refusals of a value (too long, out
 * of range) are 400s, their transaction rolled back, so nothing changed.
 */
@ControllerAdvice
class BadInputAdvice {

    /** PostgreSQL's refusals of a value: too long, out of range, bad date, NUL, invalid text. */
    private static final Set<String> VALUE_REFUSED = Set.of("22001", "22003", "22007", "22008", "22021", "22P05");

    private final MessageSource messages;
    private final MultipartProperties multipart;

    BadInputAdvice(MessageSource messages, MultipartProperties multipart) {
        this.messages = messages;
        this.multipart = multipart;
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView indexOutOfRange(InvalidPropertyException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, "input.index", label(e.getPropertyName(), request));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView unreadable(TypeMismatchException e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return page(request, HttpStatus.BAD_REQUEST, "input.unreadable", label(name, request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, "input.missing", label(e.getParameterName(), request));
    }

    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e, HttpServletRequest request) {
        var field = e.getFieldError();
        return field == null
                ? page(request, HttpStatus.BAD_REQUEST, "input.invalid")
                : page(request, HttpStatus.BAD_REQUEST, "input.unreadable", label(field.getField(), request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return page(
                request,
                HttpStatus.CONTENT_TOO_LARGE,
                "input.tooLarge",
                multipart.getMaxFileSize().toMegabytes());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByTheDatabase(DataIntegrityViolationException e, HttpServletRequest request)
            throws DataIntegrityViolationException {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            if (sql.getSQLState().equals("22001")) {
                return page(request, HttpStatus.BAD_REQUEST, "input.tooLong");
            }
            if (VALUE_REFUSED.contains(sql.getSQLState())) {
                return page(request, HttpStatus.BAD_REQUEST, "input.outOfRange");
            }
        }
        throw e;
    }

    private String label(String name, HttpServletRequest request) {
        return name == null ? "" : FieldLabels.label(messages, Text.printable(name), locale(request));
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status, String code, Object... args) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("path", request.getRequestURI());
        page.addObject("detail", messages.getMessage(code, args, locale(request)));
        return page;
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }
}
