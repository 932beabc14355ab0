package org.pyeongga.voting.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * "잠시 후 다시 시도해 주세요": what a citizen sees when casting is overloaded, instead of an error page. Status 503 with
 * {@code Retry-After}; the page carries the submitted form again (the choices are kept, nothing was cast), counts
 * down and re-submits it by itself, and offers to retry at once or to stop the countdown.
 */
final class OverloadPage {

    /** Never carried over: the CSRF token is the new page's own. */
    private static final Set<String> NOT_REPEATED = Set.of("_csrf");

    record Field(String name, String value) {
    }

    private OverloadPage() {
    }

    static ModelAndView of(HttpServletResponse response, long retryAfterSeconds, String action,
            Map<String, String[]> submitted) {
        long seconds = Math.max(1, retryAfterSeconds);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        List<Field> fields = new ArrayList<>();
        submitted.forEach((name, values) -> {
            if (!NOT_REPEATED.contains(name)) {
                for (String value : values) {
                    fields.add(new Field(name, value));
                }
            }
        });
        ModelAndView view = new ModelAndView("voting/portal/overload");
        view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        view.addObject("section", "portal");
        view.addObject("retryAfter", seconds);
        view.addObject("retryAction", action);
        view.addObject("retryFields", fields);
        return view;
    }
}
