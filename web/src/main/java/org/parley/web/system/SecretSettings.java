package org.parley.web.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether this process may make up the secrets it is not given. Off in production, where
 * a missing secret stops the start; the standalone mode and the tests turn it on, as one
 * JVM with nobody else to share a secret with.
 *
 * @param generateMissing make a random secret for each one missing, for this process only
 */
@ConfigurationProperties("parley.secrets")
public record SecretSettings(boolean generateMissing) {

}
