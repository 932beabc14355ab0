package org.pyeongga.core;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error a user caused and can fix: carries a message key (resolved in Korean and English) and an HTTP status,
 * never a stack trace or SQL.
 */
public class UserFacingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> args;
    private final HttpStatus status;

    public UserFacingException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    public HttpStatus status() {
        return status;
    }

    /** 404: the thing asked for does not exist (or the caller may not know it exists). */
    public static UserFacingException notFound(String messageKey, Object... args) {
        return new UserFacingException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    /** 400: the input is wrong; nothing was changed. */
    public static UserFacingException badInput(String messageKey, Object... args) {
        return new UserFacingException(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    /** 409: the request is valid but conflicts with the current state; nothing was changed. */
    public static UserFacingException conflict(String messageKey, Object... args) {
        return new UserFacingException(HttpStatus.CONFLICT, messageKey, args);
    }
}
