package org.parley.invite;

import org.parley.domain.links.LinkSigner;
import org.parley.domain.secrets.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The signer of the links the web opens: magic sign-in links and notification unsubscribe
 * links. The web checks them with the same secret ({@code parley.links.secret}).
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	/**
	 * Also refuses, before anything is sent, the published placeholders of this process's
	 * other secrets: the invitation link secret and the connection passwords.
	 */
	@Bean
	LinkSigner linkSigner(LinkSettings settings, Environment environment) {
		Secrets.require("PARLEY_INVITATION_LINK_SECRET", environment.getProperty("parley.invitation.link-secret"), 32);
		Secrets.refuseKnownConnectionSecrets(environment);
		return new LinkSigner(Secrets.require("PARLEY_LINKS_SECRET", settings.secret(), 32));
	}

	/**
	 * @param secret the HMAC key of signed links, shared with the web
	 */
	@ConfigurationProperties("parley.links")
	record LinkSettings(String secret) {
	}

}
