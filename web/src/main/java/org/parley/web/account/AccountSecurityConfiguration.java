package org.parley.web.account;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.parley.web.system.SignInGuard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The organisers' password encoder, with its bound on concurrent checks, and the login
 * throttle placed around the password checks.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(LoginSettings settings, MeterRegistry meters) {
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), settings, meters);
	}

	@Bean
	SignInGuard loginThrottling(LoginThrottle throttle) {
		LoginThrottleFilter filter = new LoginThrottleFilter(throttle);
		Filter outcome = filter.outcome();
		return new SignInGuard() {

			@Override
			public Filter beforeFormLogin() {
				return filter;
			}

			@Override
			public Filter afterBasic() {
				return outcome;
			}

		};
	}

}
