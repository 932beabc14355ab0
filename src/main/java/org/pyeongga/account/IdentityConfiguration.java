package org.pyeongga.account;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Citizen identity wiring, with the production guard: under the {@code prod} profile the app refuses to start with
 * a development-only verifier, with the development voter-key secret (or one shorter than 32 characters), with demo
 * data (accounts whose passwords are in the README), or without an https public address for links in e-mails.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, AccountProperties.class})
class IdentityConfiguration {

    static final int MIN_SECRET_LENGTH = 32;

    @Bean
    @ConditionalOnProperty(name = "pyeongga.identity.development-verifier", havingValue = "true")
    IdentityVerifier developmentIdentityVerifier(Clock clock) {
        return new DevelopmentIdentityVerifier(clock);
    }

    @Bean
    InitializingBean productionIdentityGuard(Environment environment, IdentityProperties properties,
            AccountProperties accounts, List<IdentityVerifier> verifiers) {
        return () -> {
            if (!environment.acceptsProfiles(Profiles.of("prod"))) {
                return;
            }
            for (IdentityVerifier verifier : verifiers) {
                if (verifier.developmentOnly()) {
                    throw new IllegalStateException("운영(prod) 환경에서는 개발용 본인확인(" + verifier.provider()
                            + ")을 쓸 수 없습니다: pyeongga.identity.development-verifier=false 로 설정하세요."
                            + " / The development identity verifier is refused in production.");
                }
            }
            String secret = properties.voterKeySecret();
            if (secret.equals(IdentityProperties.DEVELOPMENT_SECRET) || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("운영(prod) 환경에는 " + MIN_SECRET_LENGTH
                        + "자 이상의 고유한 PYEONGGA_VOTER_KEY_SECRET 이 필요합니다."
                        + " / Production needs its own voter-key secret of at least 32 characters.");
            }
            if (environment.getProperty("pyeongga.demo.enabled", Boolean.class, false)) {
                throw new IllegalStateException("운영(prod) 환경에서는 데모 데이터(공개된 비밀번호의 데모 계정)를 만들 수 없습니다:"
                        + " PYEONGGA_DEMO=false 로 설정하세요. / Demo data (accounts with published passwords) is refused"
                        + " in production.");
            }
            if (accounts.publicUrl() == null || !accounts.publicUrl().startsWith("https://")) {
                throw new IllegalStateException("운영(prod) 환경에는 초대 전자우편의 링크에 쓸 https:// 주소"
                        + " pyeongga.account.public-url(PYEONGGA_PUBLIC_URL)이 필요합니다. / Production needs"
                        + " pyeongga.account.public-url (https://) for links in e-mails.");
            }
        };
    }
}
