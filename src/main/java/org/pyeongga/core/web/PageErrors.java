package org.pyeongga.core.web;

import jakarta.servlet.http.HttpServletResponse;
import org.pyeongga.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: the friendly error page with a Korean message and a way back; never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(UserFacingException.class)
    ModelAndView userFacing(UserFacingException e, HttpServletResponse response) {
        return page(response, e.status(), e.messageKey(), e.args());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(response, HttpStatus.BAD_REQUEST, "error.parameter", e.getName(), String.valueOf(e.getValue()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletResponse response) {
        return page(response, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
    }

    /** Spring's own errors keep their status; anything else is logged and shown as a temporary error. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (e instanceof ErrorResponse framework) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return page(response, status, ProblemDetails.keyFor(status));
        }
        log.error("Unexpected error on a page", e);
        return page(response, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
    }

    static ModelAndView page(HttpServletResponse response, HttpStatus status, String key, Object... args) {
        response.setStatus(status.value());
        ModelAndView view = new ModelAndView("error/problem");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("titleKey", "error.title." + status.value());
        view.addObject("messageKey", key);
        view.addObject("messageArgs", args);
        return view;
    }
}
