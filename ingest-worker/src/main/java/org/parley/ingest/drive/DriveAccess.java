package org.parley.ingest.drive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.DriveRequestInitializer;
import com.google.api.services.drive.DriveScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;

/**
 * Google's Drive client, authorised in one way: a service account (the organiser shares
 * the file with its email), an OAuth refresh token of a Google account (an organiser's
 * own, or one from the settings), or an API key for files shared as "anyone with the
 * link". Only the read-only Drive scope is asked for.
 */
public final class DriveAccess {

	private final Drive drive;

	private final Mode mode;

	private final String shareWith;

	private DriveAccess(Drive drive, Mode mode, String shareWith) {
		this.drive = drive;
		this.mode = mode;
		this.shareWith = shareWith;
	}

	/**
	 * Drive as the organiser who connected their Google account: their refresh token is
	 * exchanged at the settings' token URL for access tokens.
	 * @param googleAccount the account's email, named when a file must be shared with it;
	 * may be null
	 */
	public static DriveAccess ofOrganiser(DriveSettings settings, String refreshToken, String googleAccount) {
		NetHttpTransport transport = new NetHttpTransport();
		GoogleCredentials credentials = userCredentials(settings, refreshToken, transport);
		return new DriveAccess(build(settings, transport, credentials, Mode.ORGANISER_ACCOUNT), Mode.ORGANISER_ACCOUNT,
				googleAccount);
	}

	public static DriveAccess from(DriveSettings settings) {
		NetHttpTransport transport = new NetHttpTransport();
		GoogleCredentials credentials = null;
		Mode mode;
		String shareWith = null;
		if (settings.hasServiceAccount()) {
			try (InputStream json = Files.newInputStream(settings.serviceAccountFile())) {
				ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(json, () -> transport)
					.toBuilder()
					.setTokenServerUri(settings.tokenUrl())
					.setScopes(List.of(DriveScopes.DRIVE_READONLY))
					.setHttpTransportFactory(() -> transport)
					.build();
				credentials = account;
				shareWith = account.getClientEmail();
				mode = Mode.SERVICE_ACCOUNT;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(
						"Cannot read the Drive service account key " + settings.serviceAccountFile(), ex);
			}
		}
		else if (settings.oauth().isConfigured()) {
			credentials = userCredentials(settings, settings.oauth().refreshToken(), transport);
			mode = Mode.OAUTH;
		}
		else if (settings.hasApiKey()) {
			mode = Mode.API_KEY;
		}
		else {
			mode = Mode.NONE;
		}
		return new DriveAccess(build(settings, transport, credentials, mode), mode, shareWith);
	}

	private static GoogleCredentials userCredentials(DriveSettings settings, String refreshToken,
			NetHttpTransport transport) {
		return UserCredentials.newBuilder()
			.setClientId(settings.oauth().clientId())
			.setClientSecret(settings.oauth().clientSecret())
			.setRefreshToken(refreshToken)
			.setTokenServerUri(settings.tokenUrl())
			.setHttpTransportFactory(() -> transport)
			.build();
	}

	private static Drive build(DriveSettings settings, NetHttpTransport transport, GoogleCredentials credentials,
			Mode mode) {
		HttpCredentialsAdapter authorisation = (credentials != null) ? new HttpCredentialsAdapter(credentials) : null;
		int timeout = (int) settings.timeout().toMillis();
		HttpRequestInitializer initializer = request -> {
			if (authorisation != null) {
				authorisation.initialize(request);
			}
			request.setConnectTimeout(timeout);
			request.setReadTimeout(timeout);
		};
		Drive.Builder builder = new Drive.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
			.setRootUrl(settings.rootUrl().toString())
			.setApplicationName("Parley");
		if (mode == Mode.API_KEY) {
			builder.setGoogleClientRequestInitializer(new DriveRequestInitializer(settings.apiKey()));
		}
		return builder.build();
	}

	Drive drive() {
		return this.drive;
	}

	Mode mode() {
		return this.mode;
	}

	/** What an organiser must do to give Parley access to a file it may not read. */
	String howToShare() {
		return switch (this.mode) {
			case SERVICE_ACCOUNT -> "Parley may not read this Drive file. Please share it (Viewer is enough) with "
					+ this.shareWith + " and try again.";
			case ORGANISER_ACCOUNT -> "Your Google account " + ((this.shareWith != null) ? this.shareWith + " " : "")
					+ "may not read this Drive file. Please ask its owner to share it with that account "
					+ "(Viewer is enough), or connect the Google account that can read it, and try again.";
			case OAUTH ->
				"The Google account Parley uses may not read this Drive file. Please share it with that account (Viewer is enough) and try again.";
			case API_KEY, NONE ->
				"Parley may not read this Drive file. Please set its sharing to \"Anyone with the link\" (Viewer) and try again.";
		};
	}

	/** What the organiser must do when Google no longer accepts the refresh token. */
	String howToReconnect() {
		return (this.mode == Mode.ORGANISER_ACCOUNT)
				? "Google no longer accepts Parley's access to your Google account (it was revoked or has expired). "
						+ "Please connect Google Drive again on the import page and try again."
				: "Google no longer accepts the Google account that this Parley is configured with. "
						+ "Please ask an administrator to renew its Drive access.";
	}

	enum Mode {

		SERVICE_ACCOUNT, ORGANISER_ACCOUNT, OAUTH, API_KEY, NONE

	}

}
