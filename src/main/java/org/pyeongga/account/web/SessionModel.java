package org.pyeongga.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.AccountProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page how long its session lasts and when to warn (the layout's session dialog reads both). */
@ControllerAdvice
class SessionModel {

    private final AccountProperties properties;

    SessionModel(AccountProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("sessionTimeoutSeconds")
    @Nullable Integer timeout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getMaxInactiveInterval();
    }

    @ModelAttribute("sessionWarningSeconds")
    long warning() {
        return properties.sessionWarning().toSeconds();
    }
}
