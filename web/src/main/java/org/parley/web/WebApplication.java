package org.parley.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The web process: pages, the JSON API and SSE progress. It stores requests and publishes
 * messages; it never does heavy work in a request. Its configuration file is
 * {@code web.yaml}, so that standalone mode can run it beside the workers in one JVM.
 */
@SpringBootApplication(scanBasePackages = { "org.parley.web", "org.parley.domain" })
@ConfigurationPropertiesScan
@EnableScheduling
public class WebApplication {

	public static final String CONFIG_NAME = "web";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(WebApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
