package org.parley.ingest.drive;

import java.util.Optional;
import java.util.UUID;

import org.parley.domain.drive.DriveAuthorizationRepository;
import org.parley.domain.drive.TokenCipher;
import org.parley.domain.drive.TokenUnreadable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organisers' connected Google accounts as the web stored them: the sealed refresh token
 * is opened with the key both processes share, and exchanged for access tokens at each
 * import.
 */
final class ConnectedAccounts implements OrganiserAccounts {

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccounts.class);

	private final DriveAuthorizationRepository authorizations;

	private final TokenCipher cipher;

	private final DriveSettings settings;

	ConnectedAccounts(DriveAuthorizationRepository authorizations, DriveSettings settings) {
		this.authorizations = authorizations;
		this.cipher = TokenCipher.fromBase64Key(settings.tokenEncryptionKey());
		this.settings = settings;
	}

	@Override
	public Optional<DriveAccess> of(UUID organiserId) {
		return this.authorizations.findByOrganiser(organiserId).map(authorization -> {
			try {
				String refreshToken = this.cipher.open(authorization.refreshToken(), organiserId);
				return DriveAccess.ofOrganiser(this.settings, refreshToken, authorization.googleAccount());
			}
			catch (TokenUnreadable ex) {
				log.warn("The Drive authorization of organiser {} does not open with the configured key", organiserId);
				throw DriveProblems.forbidden("Parley cannot use the Google account you connected any more. "
						+ "Please connect Google Drive again on the import page and try again.");
			}
		});
	}

}
