package org.parley.web.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web's view of the ingest-worker's {@code parley.drive.*} settings: only whether any
 * access to Drive is configured, so that the import page can say so before anyone pastes a link.
 * Both processes read the same environment variables.
 */
@ConfigurationProperties("parley.drive")
record DriveSettings(String apiKey, String serviceAccountFile, @DefaultValue OAuth oauth) {

	boolean isConfigured() {
		return notBlank(this.apiKey) || notBlank(this.serviceAccountFile) || this.oauth.isConfigured();
	}

	record OAuth(String clientId, String clientSecret, String refreshToken) {

		boolean isConfigured() {
			return notBlank(this.clientId) && notBlank(this.clientSecret) && notBlank(this.refreshToken);
		}

	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
