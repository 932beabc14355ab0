package org.pyeongga.core;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail (Korean {@code detail}, English {@code detailEn}, a stable {@code code}) straight to a
 * response, for filters that answer before any controller runs (security, rate limits).
 */
@Component
public class ProblemResponses {

    private final Texts texts;
    private final JsonMapper json;

    ProblemResponses(Texts texts, JsonMapper json) {
        this.texts = texts;
        this.json = json;
    }

    /** A problem detail whose {@code detail} is Korean, with the English text and a stable code beside it. */
    public static ProblemDetail detail(Texts texts, HttpStatus status, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.korean(key, args));
        problem.setType(URI.create("urn:pyeongga:problem:" + key));
        problem.setTitle(texts.korean("error.title." + status.value()));
        problem.setProperty("code", key);
        problem.setProperty("detailEn", texts.english(key, args));
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String key, Object... args) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var problem = detail(texts, status, key, args);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(json.writeValueAsString(body));
    }
}
