package org.pyeongga.core;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until accounts exist: a change made in a web request is the anonymous user's, any other the system's. */
@Configuration(proxyBeanMethods = false)
class DefaultCurrentActor {

    @Bean
    @ConditionalOnMissingBean(CurrentActor.class)
    CurrentActor currentActor() {
        return CurrentActor::withoutSignIn;
    }
}
