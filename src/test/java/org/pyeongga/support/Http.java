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

    public Http(int port) {
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                // Redirects are part of what a test checks (post → redirect → get), so never follow them silently.
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(
                        java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
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
