package org.parley.web.system;

import org.parley.domain.links.LinkSigner;
import org.parley.domain.secrets.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signer of magic links, with the secret all processes share (PARLEY_LINKS_SECRET).
 * Without one, a production process refuses to start; where random secrets are allowed
 * ({@link SecretSettings}), a random one serves this process only, and it says so.
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LinkConfiguration.class);

	@Bean
	LinkSigner linkSigner(LinkSettings settings, SecretSettings secrets) {
		String secret = settings.secret();
		if ((secret == null || secret.isBlank()) && secrets.generateMissing()) {
			secret = Secrets.random();
			log.warn("No PARLEY_LINKS_SECRET set: signed links work only in this process until it restarts");
		}
		return new LinkSigner(Secrets.require("PARLEY_LINKS_SECRET (or PARLEY_INVITATION_LINK_SECRET)", secret, 32));
	}

	/**
	 * @param secret the HMAC key of signed links, shared by all processes
	 */
	@ConfigurationProperties("parley.links")
	record LinkSettings(String secret) {
	}

}
