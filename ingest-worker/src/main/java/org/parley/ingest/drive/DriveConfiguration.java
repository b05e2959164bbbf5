package org.parley.ingest.drive;

import org.parley.domain.drive.DriveAuthorizationRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Drive client of the settings, and organisers' own Google accounts when an OAuth
 * client and the token encryption key are configured.
 */
@Configuration(proxyBeanMethods = false)
class DriveConfiguration {

	@Bean
	DriveDocuments driveDocuments(DriveSettings settings, DriveAuthorizationRepository authorizations) {
		OrganiserAccounts organisers = settings.hasOrganiserAccounts() ? new ConnectedAccounts(authorizations, settings)
				: OrganiserAccounts.NONE;
		return new DriveDocuments(DriveAccess.from(settings), organisers, settings.retry());
	}

}
