package org.parley.web.system;

import java.security.SecureRandom;
import java.util.Base64;

import org.parley.domain.links.LinkSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signer of magic links, with the secret all processes share (PARLEY_LINKS_SECRET).
 * Without one, a random secret serves this process only: fine for a single standalone
 * JVM, and said so.
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LinkConfiguration.class);

	@Bean
	LinkSigner linkSigner(LinkSettings settings) {
		String secret = settings.secret();
		if (secret == null || secret.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			secret = Base64.getEncoder().encodeToString(random);
			log.warn("No PARLEY_LINKS_SECRET set: signed links work only in this process until it restarts");
		}
		return new LinkSigner(secret);
	}

	/**
	 * @param secret the HMAC key of signed links, shared by all processes
	 */
	@ConfigurationProperties("parley.links")
	record LinkSettings(String secret) {
	}

}
