package org.pyeongga.account;

import java.util.List;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The institutions' OpenID Providers staff may sign in with: every {@code spring.security.oauth2.client.registration.*}
 * that uses the authorization-code flow with the {@code openid} scope (docs/decisions/0009-oidc-login.md). With none
 * configured, Spring Boot makes no {@link ClientRegistrationRepository}, this list is empty, and sign-in is exactly the
 * password form.
 */
@Component
public class OidcProviders {

    /** One button on the login page: {@code /oauth2/authorization/{registrationId}}, labelled with {@code name}. */
    public record Provider(String registrationId, String name) {}

    private final @Nullable ClientRegistrationRepository repository;
    private final List<Provider> providers;

    OidcProviders(ObjectProvider<ClientRegistrationRepository> repository) {
        this.repository = repository.getIfAvailable();
        this.providers = this.repository instanceof Iterable<?> registrations
                ? StreamSupport.stream(registrations.spliterator(), false)
                        .filter(ClientRegistration.class::isInstance).map(ClientRegistration.class::cast)
                        .filter(OidcProviders::isOpenIdConnectLogin)
                        .map(r -> new Provider(r.getRegistrationId(), r.getClientName()))
                        .toList()
                : List.of();
    }

    public List<Provider> all() {
        return providers;
    }

    /** The registrations to sign in with, or null when there are none (then no OIDC sign-in is set up at all). */
    @Nullable ClientRegistrationRepository repository() {
        return providers.isEmpty() ? null : repository;
    }

    private static boolean isOpenIdConnectLogin(ClientRegistration registration) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())
                && registration.getScopes().contains(OidcScopes.OPENID);
    }
}
