package org.parley.ingest;

import org.parley.domain.secrets.Secrets;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the ingest-worker with a published placeholder for one of its secrets
 * (the database and broker passwords, the Drive token key and OAuth client secret),
 * naming the setting.
 */
@Component
class DeploymentSecrets {

	DeploymentSecrets(Environment environment) {
		Secrets.refuseKnownConnectionSecrets(environment);
	}

}
