package org.parley.ingest.drive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Drive client, built once from the settings. */
@Configuration(proxyBeanMethods = false)
class DriveConfiguration {

	@Bean
	DriveDocuments driveDocuments(DriveSettings settings) {
		return new DriveDocuments(DriveAccess.from(settings), settings.retry());
	}

}
