package org.parley.web.account;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The organisers' password encoder, with its bound on concurrent checks. */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(LoginSettings settings, MeterRegistry meters) {
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), settings, meters);
	}

}
