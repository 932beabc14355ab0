package org.pyeongga.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
        return PageErrors.page(response, status, ProblemDetails.keyFor(status));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetails.of(texts, status, ProblemDetails.keyFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
