package org.parley.web.imports;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web's view of the {@code parley.drive.*} settings that the ingest-worker reads too:
 * whether Drive access is configured for everyone, and whether organisers can connect
 * their own Google account (an OAuth client, and the key that seals their refresh
 * tokens). Both processes read the same environment variables.
 *
 * @param rootUrl the Drive API's base URL; the web asks it only which account was
 * connected
 * @param tokenUrl Google's OAuth token endpoint, where the authorization code is
 * exchanged
 * @param tokenEncryptionKey 32 bytes in base64 that seal organisers' refresh tokens
 */
@ConfigurationProperties("parley.drive")
record DriveSettings(String apiKey, String serviceAccountFile, @DefaultValue OAuth oauth,
		@DefaultValue("https://www.googleapis.com/") URI rootUrl,
		@DefaultValue("https://oauth2.googleapis.com/token") URI tokenUrl, String tokenEncryptionKey) {

	/** Whether the settings give access to Drive to every organiser. */
	boolean isConfigured() {
		return notBlank(this.apiKey) || notBlank(this.serviceAccountFile) || this.oauth.isConfigured();
	}

	/** Whether organisers can connect their own Google account. */
	boolean canConnect() {
		return this.oauth.hasClient() && notBlank(this.tokenEncryptionKey);
	}

	/**
	 * @param authorizationUrl Google's authorization endpoint, where the organiser
	 * consents
	 */
	record OAuth(String clientId, String clientSecret, String refreshToken,
			@DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") URI authorizationUrl) {

		boolean isConfigured() {
			return hasClient() && notBlank(this.refreshToken);
		}

		boolean hasClient() {
			return notBlank(this.clientId) && notBlank(this.clientSecret);
		}

	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
