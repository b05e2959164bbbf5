package org.parley.domaintests;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest context that runs the domain's repositories against a real database. */
@SpringBootApplication(scanBasePackages = "org.parley.domain")
public class DomainTestApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
