package org.parley.ingest.drive;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker reaches Google Drive. The web reads the same {@code parley.drive.*}
 * properties to tell organisers whether Drive imports are available.
 *
 * @param rootUrl the Drive API's base URL; a local fake in tests and demos
 * @param tokenUrl the OAuth token endpoint that service-account and OAuth credentials use
 * @param apiKey reaches files shared as "anyone with the link"
 * @param serviceAccountFile a service account's JSON key; organisers share files with its
 * email
 * @param oauth an OAuth client, and optionally a refresh token of one Google account that
 * can read the files; organisers who connected their own Google account are served with
 * theirs
 * @param retry how long Parley keeps trying while Drive is busy
 * @param timeout connect and read timeout of each HTTP call
 * @param tokenEncryptionKey 32 bytes in base64 that seal organisers' refresh tokens; the
 * web seals with the same key
 */
@ConfigurationProperties("parley.drive")
@Validated
public record DriveSettings(@DefaultValue("https://www.googleapis.com/") @NotNull URI rootUrl,
		@DefaultValue("https://oauth2.googleapis.com/token") @NotNull URI tokenUrl, String apiKey,
		Path serviceAccountFile, @DefaultValue @Valid OAuth oauth, @DefaultValue @Valid Retry retry,
		@DefaultValue("60s") @NotNull Duration timeout, String tokenEncryptionKey) {

	public boolean hasServiceAccount() {
		return this.serviceAccountFile != null && !this.serviceAccountFile.toString().isBlank();
	}

	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	public boolean isConfigured() {
		return hasServiceAccount() || this.oauth.isConfigured() || hasApiKey();
	}

	/**
	 * Whether organisers' own Google accounts can be used: an OAuth client and a key to
	 * open their tokens.
	 */
	public boolean hasOrganiserAccounts() {
		return this.oauth.hasClient() && OAuth.notBlank(this.tokenEncryptionKey);
	}

	/**
	 * @param clientId the OAuth client's id
	 * @param clientSecret the OAuth client's secret
	 * @param refreshToken a refresh token granted with the read-only Drive scope
	 */
	public record OAuth(String clientId, String clientSecret, String refreshToken) {

		public boolean isConfigured() {
			return hasClient() && notBlank(this.refreshToken);
		}

		public boolean hasClient() {
			return notBlank(this.clientId) && notBlank(this.clientSecret);
		}

		private static boolean notBlank(String value) {
			return value != null && !value.isBlank();
		}

	}

	/**
	 * @param maxAttempts calls to Drive before giving up while it is busy
	 * @param initialBackoff the wait before the second attempt; it doubles each time
	 * @param maxBackoff the longest wait between attempts
	 */
	public record Retry(@DefaultValue("6") @Min(1) int maxAttempts,
			@DefaultValue("1s") @NotNull Duration initialBackoff, @DefaultValue("30s") @NotNull Duration maxBackoff) {

	}

}
