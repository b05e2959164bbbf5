package org.parley.ingest;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ingest-worker: consumes import requests and runs one Spring Batch job per document.
 * Its configuration file is {@code ingest-worker.yaml}, so that standalone mode can run
 * it beside the other apps in one JVM.
 */
@SpringBootApplication(scanBasePackages = { "org.parley.ingest", "org.parley.domain" })
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestWorkerApplication {

	public static final String CONFIG_NAME = "ingest-worker";

	public static void main(String[] args) {
		builder().run(args);
	}

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(IngestWorkerApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
