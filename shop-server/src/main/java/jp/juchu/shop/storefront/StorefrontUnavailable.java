package jp.juchu.shop.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The storefront is served once the modules behind its ports are there; until then: 503. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class StorefrontUnavailable extends RuntimeException {

    public StorefrontUnavailable(String port) {
        super("The storefront has no " + port + " yet");
    }
}
