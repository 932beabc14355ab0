package org.pyeongga.core.web;

import org.pyeongga.core.ProblemResponses;
import org.pyeongga.core.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details whose {@code detail} is Korean, with the English text beside it. */
final class ProblemDetails {

    private ProblemDetails() {}

    static ProblemDetail of(Texts texts, HttpStatus status, String key, Object... args) {
        return ProblemResponses.detail(texts, status, key, args);
    }

    static String keyFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
            case FORBIDDEN -> "error.forbidden";
            case BAD_REQUEST -> "error.badRequest";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "error.tooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "error.unsupportedMediaType";
            case NOT_ACCEPTABLE -> "error.notAcceptable";
            case TOO_MANY_REQUESTS -> "rate.limited.later";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.internal";
        };
    }
}
