package org.parley.invite;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The invite-worker: invitation fan-out, mail delivery and reply notifications. For now it runs
 * with its health endpoint only. Its configuration file is {@code invite-worker.yaml}, so that
 * standalone mode can run it beside the other apps in one JVM.
 */
@SpringBootApplication(scanBasePackages = { "org.parley.invite", "org.parley.domain" })
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
