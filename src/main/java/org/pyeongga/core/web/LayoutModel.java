package org.pyeongga.core.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's layout needs: links to the same page in Korean and in English. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("langKoUrl")
    String langKoUrl(jakarta.servlet.http.HttpServletRequest request) {
        return sameWith(request, "ko");
    }

    @ModelAttribute("langEnUrl")
    String langEnUrl(jakarta.servlet.http.HttpServletRequest request) {
        return sameWith(request, "en");
    }

    /**
     * The page again in the other language. A page shown for a POST (a form with errors) or an error page has no
     * address of its own to reload, so the switch leads home instead.
     */
    private static String sameWith(jakarta.servlet.http.HttpServletRequest request, String lang) {
        if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith("/error")
                || request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE) != null) {
            return "/?lang=" + lang;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
