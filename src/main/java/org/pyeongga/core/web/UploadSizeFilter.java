package org.pyeongga.core.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ProblemResponses;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An upload whose declared length is over the multipart limit ({@code spring.servlet.multipart.max-request-size}) is
 * never parsed: Tomcat would fail on it inside Spring Security's CSRF filter (which reads its token parameter), and the
 * person would see an error or a 403 instead of "too large". Instead the request goes on with its body set aside and
 * only its query parameters, so a form that carries its CSRF token in the action's query passes the CSRF check as
 * usual, and the handler answers with the friendly 413 (page or problem detail) naming the limit
 * (docs/decisions/0017-submissions.md). A too-large body without a declared length is answered 413 as a problem.
 */
class UploadSizeFilter implements Filter {

    static final String TOO_LARGE = UploadSizeFilter.class.getName() + ".TOO_LARGE";

    private final long maxRequestBytes;
    private final ProblemResponses problems;

    UploadSizeFilter(long maxRequestBytes, ProblemResponses problems) {
        this.maxRequestBytes = maxRequestBytes;
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page of a set-aside request (e.g. its 403) must not try to parse the body either
            chain.doFilter(request.getAttribute(TOO_LARGE) != null ? new BodySetAside(request) : request, response);
            return;
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && request.getContentLengthLong() > maxRequestBytes) {
            request.setAttribute(TOO_LARGE, maxRequestBytes);
            chain.doFilter(new BodySetAside(request), response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (multipart && tooLarge(e) && !response.isCommitted()) {
                response.resetBuffer();
                problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
                return;
            }
            throw e;
        }
    }

    /** Tomcat's (File)SizeLimitExceededException or Spring's MaxUploadSizeExceededException, anywhere in the causes. */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.endsWith("SizeLimitExceededException") || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    /** The request without its body: no multipart, no content, only the parameters of its query string. */
    static final class BodySetAside extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        BodySetAside(HttpServletRequest request) {
            super(request);
            Map<String, List<String>> collected = new LinkedHashMap<>();
            String query = request.getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    collected.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> map = new LinkedHashMap<>();
            collected.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(map);
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length") ? null : super.getHeader(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters.get(name);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        /** Runs before the rate limit and Spring Security's filter chain. */
        static final int BEFORE_SECURITY = 20;

        @Bean
        FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(Environment environment, ProblemResponses problems) {
            var registration = new FilterRegistrationBean<>(new UploadSizeFilter(maxRequest(environment).toBytes(), problems));
            registration.setName("uploadSizeFilter");
            registration.addUrlPatterns("/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            int security = environment.getProperty("spring.security.filter.order", Integer.class,
                    SecurityFilterProperties.DEFAULT_FILTER_ORDER);
            registration.setOrder(security - BEFORE_SECURITY);
            return registration;
        }

        static DataSize maxRequest(Environment environment) {
            return environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class, DataSize.ofMegabytes(10));
        }

        /** The handler that would have got the upload answers "too large" (PageErrors / ApiErrors render it). */
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                    if (request.getDispatcherType() == DispatcherType.REQUEST && request.getAttribute(TOO_LARGE) instanceof Long max) {
                        throw new MaxUploadSizeExceededException(max);
                    }
                    return true;
                }
            });
        }
    }
}
