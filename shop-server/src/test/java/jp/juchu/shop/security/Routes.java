package jp.juchu.shop.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's own routes, as its {@link RequestMappingHandlerMapping} knows them: method and path pattern. */
record Routes(List<Route> all) {

    /** One method and one path pattern; a mapping without methods answers GET (and every other). */
    record Route(String method, String pattern) {

        boolean unsafe() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        /** The pattern with each {@code {variable}} replaced by a dummy value. */
        String path(String shopId) {
            return pattern.replace("{shopId}", shopId).replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Routes of(RequestMappingHandlerMapping mapping) {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern));
                    routes.add(new Route("POST", pattern));
                } else {
                    methods.forEach(m -> routes.add(new Route(m.name(), pattern)));
                }
            }
        }
        return new Routes(List.copyOf(routes));
    }
}
