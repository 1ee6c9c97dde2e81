package jp.juchu.shop.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last resort for an API call: an exception nobody handled becomes a 500 problem without any of its
 * internals (the stack trace goes to the server log only). Runs after Spring's own resolvers.
 */
@Configuration(proxyBeanMethods = false)
class ApiServerErrorResolver implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ApiServerErrorResolver.class);

    private final JsonMapper json;

    ApiServerErrorResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(this::resolve);
    }

    private ModelAndView resolve(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!ApiProblemHandler.isApi(request) || response.isCommitted()) {
            return null;
        }
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), ex);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiProblems.typeOf(HttpStatus.INTERNAL_SERVER_ERROR).toString());
        body.put("title", HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
        body.put("status", 500);
        body.put("detail", "The server could not complete the request.");
        body.put("instance", request.getRequestURI());
        try {
            response.setStatus(500);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
