package org.pyeongga.support;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A plain HTTP client against the running test app: JSON as maps, pages as strings, any status, no redirects followed. */
public final class Http {

    private final RestClient client;
    private final int port;
    private @org.jspecify.annotations.Nullable String csrf;

    public Http(int port) {
        this(port, null, null);
    }

    private Http(int port, @org.jspecify.annotations.Nullable String basicUser,
            java.net.@org.jspecify.annotations.Nullable CookieManager cookies) {
        this.port = port;
        var jdk = java.net.http.HttpClient.newBuilder()
                // Redirects are part of what a test checks (post → redirect → get), so never follow them silently.
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
        if (cookies != null) {
            jdk.cookieHandler(cookies);
        }
        var builder = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(jdk.build()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
        if (basicUser != null) {
            builder.defaultHeaders(h -> h.setBasicAuth(basicUser, TestUsers.PASSWORD));
        }
        this.client = builder.build();
    }

    /** An API client that sends HTTP Basic credentials of a test user (password {@link TestUsers#PASSWORD}). */
    public static Http api(int port, String email) {
        return new Http(port, email, null);
    }

    /** A client that keeps cookies like a browser, not signed in. */
    public static Http browser(int port) {
        return new Http(port, null, new java.net.CookieManager());
    }

    /** A browser-like client signed in through the login form, keeping its session cookie and CSRF token. */
    public static Http signedIn(int port, String email) {
        Http http = new Http(port, null, new java.net.CookieManager());
        String token = http.tokenFrom(http.getPage("/login").getBody());
        var login = http.client.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + enc(email) + "&password=" + enc(TestUsers.PASSWORD) + "&_csrf=" + enc(token))
                .retrieve().toEntity(String.class);
        if (!login.getStatusCode().is3xxRedirection() || String.valueOf(login.getHeaders().getLocation()).contains("error")) {
            throw new IllegalStateException("Login failed for " + email + ": " + login.getHeaders().getLocation());
        }
        http.csrf = http.tokenFrom(http.getPage("/").getBody());
        return http;
    }

    /** Posts a form as a browser would, with the session's CSRF token. */
    public ResponseEntity<String> postForm(String path, String body) {
        String withToken = csrf == null ? body : body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        return client.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .body(withToken).retrieve().toEntity(String.class);
    }

    private String tokenFrom(@org.jspecify.annotations.Nullable String page) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(page == null ? "" : page);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public ResponseEntity<Map<String, Object>> getJson(String uri, Object... vars) {
        return client.get().uri(uri, vars).accept(MediaType.APPLICATION_JSON).retrieve()
                .toEntity(new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<List<Map<String, Object>>> getJsonList(String uri, Object... vars) {
        return client.get().uri(uri, vars).accept(MediaType.APPLICATION_JSON).retrieve()
                .toEntity(new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<Map<String, Object>> postJson(String uri, Object body, Object... vars) {
        return client.post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    public ResponseEntity<String> getPage(String uri, Object... vars) {
        return client.get().uri(uri, vars).accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
    }

    public RestClient raw() {
        return client;
    }
}
