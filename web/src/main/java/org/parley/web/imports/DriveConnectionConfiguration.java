package org.parley.web.imports;

import jakarta.servlet.http.HttpServletRequest;

import org.parley.web.system.CurrentOrganiser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * "Connect Google Drive": Spring Security's OAuth2 client runs the authorization-code
 * flow for an organiser already signed in with their password; it does not sign anyone
 * in. Google is asked for the read-only Drive scope, offline access and the consent
 * screen, because only then does it return a refresh token. Spring Security 7 applies
 * this {@code Customizer<HttpSecurity>} bean to the application's filter chain, so the
 * feature stays in this package.
 */
@Configuration(proxyBeanMethods = false)
class DriveConnectionConfiguration {

	static final String REGISTRATION_ID = "google-drive";

	static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	static final String CALLBACK_PATH = "/imports/drive/connected";

	static final String DRIVE_READONLY = "https://www.googleapis.com/auth/drive.readonly";

	@Bean
	Customizer<HttpSecurity> driveConnection(DriveSettings settings, DriveConnections connections,
			CurrentOrganiser organiser) {
		return http -> {
			if (!connections.canConnect()) {
				return;
			}
			ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
					registration(settings));
			http.oauth2Client(client -> client.clientRegistrationRepository(registrations)
				.authorizedClientRepository(new ConnectedAccountRepository(connections, organiser))
				.authorizationCodeGrant(grant -> grant.authorizationRequestResolver(organisersOnly(registrations))));
		};
	}

	static ClientRegistration registration(DriveSettings settings) {
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Google Drive")
			.clientId(settings.oauth().clientId())
			.clientSecret(settings.oauth().clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}" + CALLBACK_PATH)
			.scope(DRIVE_READONLY)
			.authorizationUri(settings.oauth().authorizationUrl().toString())
			.tokenUri(settings.tokenUrl().toString())
			.build();
	}

	/**
	 * Sends only signed-in organisers to Google. Anyone else falls through to the
	 * authorization rules, which ask them to sign in first.
	 */
	private static OAuth2AuthorizationRequestResolver organisersOnly(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen(request -> request.additionalParameters(parameters -> {
				parameters.put("access_type", "offline");
				parameters.put("prompt", "consent");
			})));
		return new OAuth2AuthorizationRequestResolver() {

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				return isOrganiser() ? resolver.resolve(request) : null;
			}

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
				return isOrganiser() ? resolver.resolve(request, clientRegistrationId) : null;
			}

		};
	}

	private static boolean isOrganiser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && CurrentOrganiser.isOrganiser(authentication);
	}

}
