package org.pyeongga.core.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's layout needs: links to the same page in Korean and in English. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("langKoUrl")
    String langKoUrl() {
        return sameWith("ko");
    }

    @ModelAttribute("langEnUrl")
    String langEnUrl() {
        return sameWith("en");
    }

    private static String sameWith(String lang) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
