package org.pyeongga.core.web;

import org.pyeongga.core.Texts;
import org.pyeongga.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors from the REST API as RFC 9457 problem details in Korean (English in {@code detailEn}); never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Texts texts;

    ApiErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<ProblemDetail> userFacing(UserFacingException e) {
        return respond(ProblemDetails.of(texts, e.status(), e.messageKey(), e.args()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(ProblemDetails.of(texts, HttpStatus.BAD_REQUEST, "error.parameter", e.getName(),
                String.valueOf(e.getValue())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        String field = e.getFieldError() == null ? "?" : e.getFieldError().getField();
        return respond(ProblemDetails.of(texts, HttpStatus.BAD_REQUEST, "error.field", field));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        return respond(ProblemDetails.of(texts, HttpStatus.BAD_REQUEST, "error.body"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ProblemDetails.of(texts, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge"));
    }

    /** Spring's own errors (missing parameter, unreadable body, wrong method …) keep their status, in Korean. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return respond(ProblemDetails.of(texts, status, ProblemDetails.keyFor(status)));
        }
        log.error("Unexpected error in the API", e);
        return respond(ProblemDetails.of(texts, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
