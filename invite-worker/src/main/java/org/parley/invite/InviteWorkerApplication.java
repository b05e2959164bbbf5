package org.parley.invite;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The invite-worker: fans invitation batches out into the delivery ledger and sends the
 * invitations. Its configuration file is {@code invite-worker.yaml}, so that standalone
 * mode can run it beside the other apps in one JVM.
 */
@SpringBootApplication(scanBasePackages = { "org.parley.invite", "org.parley.domain" })
@ConfigurationPropertiesScan
@EnableScheduling
public class InviteWorkerApplication {

	public static final String CONFIG_NAME = "invite-worker";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(InviteWorkerApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
