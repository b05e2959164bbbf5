package org.parley.invite;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.domain.links.LinkSigner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The signer of the links the web opens: magic sign-in links and notification unsubscribe
 * links. The web checks them with the same secret ({@code parley.links.secret}).
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	@Bean
	LinkSigner linkSigner(LinkSettings settings) {
		return new LinkSigner(settings.secret());
	}

	/**
	 * @param secret the HMAC key of signed links, shared with the web
	 */
	@ConfigurationProperties("parley.links")
	@Validated
	record LinkSettings(@NotBlank @Size(min = 32) String secret) {
	}

}
