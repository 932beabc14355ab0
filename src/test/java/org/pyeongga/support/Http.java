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
            builder.requestInterceptor((request, body, execution) -> {
                String code = TestUsers.apiCode(basicUser);
                if (code != null) {
                    request.getHeaders().set("X-Pyeongga-OTP", code);
                }
                return execution.execute(request, body);
            });
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

    /**
     * A browser-like client signed in through the login form, keeping its session cookie and CSRF token. For an
     * administrator it also passes the second step, registering the authenticator first if the page asks to (as a
     * person would, from the secret shown). Sessions are reused per port and person while they last, as a browser
     * keeps its session: a second-factor code works once, and sign-ins are rate-limited per person.
     */
    public static Http signedIn(int port, String email) {
        String key = port + "/" + email.toLowerCase();
        Http cached = SESSIONS.get(key);
        if (cached != null && cached.stillSignedIn()) {
            return cached;
        }
        Http http = newSession(port, email);
        SESSIONS.put(key, http);
        return http;
    }

    /** A new signed-in session even if the person has one already (a second device). */
    public static Http newSession(int port, String email) {
        Http http = new Http(port, null, new java.net.CookieManager());
        var login = http.postLogin(email, TestUsers.PASSWORD);
        String location = String.valueOf(login.getHeaders().getLocation());
        if (!login.getStatusCode().is3xxRedirection() || location.contains("error")) {
            throw new IllegalStateException("Login failed for " + email + ": " + location);
        }
        if (location.endsWith("/login/otp")) {
            http.passSecondStep(email);
        }
        http.csrf = http.tokenFrom(http.getPage("/").getBody());
        return http;
    }

    private static final Map<String, Http> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Posts the login form (password step only) and returns the answer. */
    public ResponseEntity<String> postLogin(String email, String password) {
        String token = tokenFrom(getPage("/login").getBody());
        return client.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token))
                .retrieve().toEntity(String.class);
    }

    /** Completes the second step with the test authenticator (registering it when the page shows a new secret). */
    public void passSecondStep(String email) {
        String page = getPage("/login/otp").getBody();
        var secret = java.util.regex.Pattern.compile("id=\"otp-secret\"[^>]*>([A-Z2-7 ]+)<").matcher(page == null ? "" : page);
        if (secret.find()) {
            TestUsers.remember(email, secret.group(1).replace(" ", ""));
        }
        String token = tokenFrom(page);
        var answer = client.post().uri("/login/otp").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("code=" + TestUsers.nextCode(email) + "&_csrf=" + enc(token)).retrieve().toEntity(String.class);
        if (!answer.getStatusCode().is3xxRedirection() || String.valueOf(answer.getHeaders().getLocation()).contains("login")) {
            throw new IllegalStateException("Second step failed for " + email + ": " + answer.getStatusCode());
        }
    }

    private boolean stillSignedIn() {
        var page = getPage("/account");
        return page.getStatusCode().is2xxSuccessful();
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
