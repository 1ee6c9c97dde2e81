package jp.juchu.shop.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The platform API's RFC 9457 problems that controllers raise: what was not found, which field is wrong. */
public final class ApiErrors {

    private ApiErrors() {}

    public static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    /** 400 with {@code errors: [{field, message}]}, the shape Bean Validation failures get too. */
    public static ErrorResponseException badRequest(String field, String message) {
        return withField(HttpStatus.BAD_REQUEST, "The request is not valid.", field, message);
    }

    /** Another status (409, 422 …) with the field it concerns. */
    public static ErrorResponseException withField(HttpStatus status, String detail, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(status, problem, null);
    }
}
