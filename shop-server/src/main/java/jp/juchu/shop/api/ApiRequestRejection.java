package jp.juchu.shop.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A path the security firewall refuses is a 400 everywhere: a problem-details body on the API, the error
 * page elsewhere. Without this the refusal surfaced as a server error.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestRejection {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
        return (request, response, rejected) -> {
            if (ApiProblemHandler.isApi(request)) {
                problems.rejected(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        };
    }
}
