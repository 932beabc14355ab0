package org.pyeongga.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Texts;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Spring Boot's whitelabel error: errors that happen outside a controller (an unknown address, a filter)
 * end here. Browsers get the friendly page, API clients a problem detail; neither sees internals.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Texts texts;

    ErrorPages(Texts texts) {
        this.texts = texts;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView html(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        Long retryAfter = retryAfter(request, status);
        if (retryAfter != null) {
            return PageErrors.page(response, status, "rate.limited", retryAfter);
        }
        return PageErrors.page(response, status, ProblemDetails.keyFor(status));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
        HttpStatus status = status(request);
        Long retryAfter = retryAfter(request, status);
        ProblemDetail problem = retryAfter != null
                ? ProblemDetails.of(texts, status, "rate.limited", retryAfter)
                : ProblemDetails.of(texts, status, ProblemDetails.keyFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The seconds to wait, for a request the rate limit refused ({@link RateLimitFilter}); else null. */
    private static @Nullable Long retryAfter(HttpServletRequest request, HttpStatus status) {
        return status == HttpStatus.TOO_MANY_REQUESTS && request.getAttribute(RateLimitFilter.RETRY_AFTER) instanceof Long s
                ? s
                : null;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
