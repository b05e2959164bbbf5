package org.parley.web.imports;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parley.web.system.CurrentOrganiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Where Spring Security's authorization-code flow leaves the client Google authorised:
 * only the refresh token is kept, sealed, for the organiser signed in. The web never
 * calls Drive for imports, so it keeps no access tokens and loads none.
 */
class ConnectedAccountRepository implements OAuth2AuthorizedClientRepository {

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccountRepository.class);

	private final DriveConnections connections;

	private final CurrentOrganiser organiser;

	ConnectedAccountRepository(DriveConnections connections, CurrentOrganiser organiser) {
		this.connections = connections;
		this.organiser = organiser;
	}

	@Override
	public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, HttpServletRequest request) {
		return null;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		OAuth2RefreshToken refreshToken = authorizedClient.getRefreshToken();
		Optional<UUID> organiserId = this.organiser.id(principal);
		if (organiserId.isEmpty()) {
			return;
		}
		if (refreshToken == null) {
			// Google sends one only for access_type=offline with consent; without it
			// imports cannot run later.
			log.info("Google granted organiser {} no refresh token; nothing stored", organiserId.get());
			return;
		}
		this.connections.connect(organiserId.get(), refreshToken.getTokenValue(),
				authorizedClient.getAccessToken().getTokenValue(),
				String.join(" ", authorizedClient.getAccessToken().getScopes()));
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		this.organiser.id(principal).ifPresent(this.connections::disconnect);
	}

}
