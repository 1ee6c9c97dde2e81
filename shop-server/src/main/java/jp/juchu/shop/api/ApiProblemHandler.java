package jp.juchu.shop.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.juchu.shop.system.ErrorReasons;
import jp.juchu.shop.system.InputRules;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Problem details for the platform API: a stable {@code type} per status, and for bad input
 * {@code errors: [{field, message}]} naming the snake_case field. Scoped by path ({@code /api/}), not
 * by package: API controllers live in each feature's {@code web} package beside the admin's, and 404,
 * 405 and 415 happen before any controller is chosen. Being a {@code ResponseEntityExceptionHandler},
 * it replaces Spring Boot's own problem handler: admin and storefront requests get the HTML error page
 * instead, and exceptions only this class knows are rethrown for them.
 * Ordered first but without a catch-all, so another module's advice still handles its own exceptions;
 * unexpected ones end in {@link ApiServerErrorResolver}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, NativeWebRequest request)
            throws ConstraintViolationException {
        if (!isApi(request.getNativeRequest(HttpServletRequest.class))) {
            throw ex;
        }
        List<FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldMessage(lastNode(v.getPropertyPath()), v.getMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (!isApi(servletRequest)) {
            if (ex instanceof TypeMismatchException mismatch && mismatch.getRequiredType() == String.class) {
                servletRequest.setAttribute(ErrorReasons.ATTRIBUTE, "error.reason.control");
                servletRequest.setAttribute(
                        ErrorReasons.FIELD,
                        mismatch instanceof MethodArgumentTypeMismatchException argument
                                ? argument.getName()
                                : mismatch.getPropertyName());
            }
            return sendErrorPage(status, request);
        }
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ApiProblems.typeOf(status));
        }
        problem.setInstance(URI.create(servletRequest.getRequestURI()));
        if (ex instanceof NoResourceFoundException) {
            problem.setDetail("No such API path.");
        }
        List<FieldMessage> errors = fieldErrors(ex);
        if (!errors.isEmpty()) {
            problem.setDetail(detailOf(ex));
            problem.setProperty("errors", errors);
        }
        return response;
    }

    /** Pages of the admin and the storefront get the HTML error page, as a browser expects. */
    private static ResponseEntity<Object> sendErrorPage(HttpStatusCode status, WebRequest request) {
        HttpServletResponse servletResponse = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        try {
            servletResponse.sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    private static String detailOf(Exception ex) {
        if (ex instanceof HttpMessageNotReadableException unreadable
                && unreadable.getCause() instanceof StreamReadException) {
            return "The request body is not well-formed JSON.";
        }
        return "The request is not valid.";
    }

    private static List<FieldMessage> fieldErrors(Exception ex) {
        List<FieldMessage> errors = new ArrayList<>();
        if (ex instanceof MethodArgumentNotValidException invalid) {
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                errors.add(new FieldMessage(snake(error.getField()), error.getDefaultMessage()));
            }
            invalid.getBindingResult()
                    .getGlobalErrors()
                    .forEach(error -> errors.add(new FieldMessage("$", error.getDefaultMessage())));
        } else if (ex instanceof HandlerMethodValidationException invalid) {
            for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
                if (result instanceof ParameterErrors bean) {
                    bean.getFieldErrors()
                            .forEach(e -> errors.add(new FieldMessage(snake(e.getField()), e.getDefaultMessage())));
                } else {
                    String name = parameterName(result);
                    result.getResolvableErrors()
                            .forEach(e -> errors.add(new FieldMessage(name, e.getDefaultMessage())));
                }
            }
        } else if (ex instanceof MissingServletRequestParameterException missing) {
            errors.add(new FieldMessage(missing.getParameterName(), "is required"));
        } else if (ex instanceof TypeMismatchException mismatch) {
            errors.add(new FieldMessage(
                    mismatch.getPropertyName() == null ? "$" : mismatch.getPropertyName(),
                    expected(mismatch.getRequiredType())));
        } else if (ex instanceof HttpMessageNotReadableException unreadable) {
            errors.add(bodyError(unreadable));
        }
        return errors;
    }

    private static FieldMessage bodyError(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException jackson)) {
            return new FieldMessage("$", "the request body is missing or cannot be read");
        }
        String field = jsonPath(jackson.getPath());
        if (jackson instanceof InputCoercionException outOfRange) {
            return new FieldMessage(field, expected(outOfRange.getTargetType()) + " within its range");
        }
        if (jackson instanceof StreamReadException) {
            return new FieldMessage(field, "malformed JSON");
        }
        if (jackson instanceof InvalidFormatException invalid) {
            return new FieldMessage(field, expected(invalid.getTargetType()));
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            if (mismatch.getTargetType() != null) {
                return new FieldMessage(field, expected(mismatch.getTargetType()));
            }
            return new FieldMessage(field, "has the wrong type or is missing");
        }
        return new FieldMessage(field, "cannot be read");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date, yyyy-MM-dd, in the years " + InputRules.MIN_YEAR + "–" + InputRules.MAX_YEAR;
        }
        if (type == java.time.LocalTime.class) {
            return "must be a time, HH:mm:ss";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date-time, e.g. 2026-11-28T10:15:00+09:00 (without an offset: Japan time)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "must be a number";
        }
        if (type == String.class) {
            // text converts from anything but a control character (InputBinding, StrictJson)
            return "must not contain control characters";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    private static String parameterName(ParameterValidationResult result) {
        RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
        if (param != null && !(param.name() + param.value()).isEmpty()) {
            return param.name().isEmpty() ? param.value() : param.name();
        }
        PathVariable variable = result.getMethodParameter().getParameterAnnotation(PathVariable.class);
        if (variable != null && !(variable.name() + variable.value()).isEmpty()) {
            return variable.name().isEmpty() ? variable.value() : variable.name();
        }
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "$" : snake(name);
    }

    private static String lastNode(Path path) {
        String last = "$";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return snake(last);
    }

    /** Java property paths ({@code shipping.trackingNumber}) as the JSON names them ({@code shipping.tracking_number}). */
    static String snake(String field) {
        Matcher matcher = CAMEL.matcher(field);
        return matcher.replaceAll("$1_$2").toLowerCase();
    }

    /** One refused field: its snake_case path in the request and why. */
    record FieldMessage(String field, String message) {}
}
