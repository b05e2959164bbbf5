package org.parley.web.system;

import org.parley.domain.organiser.PasswordPolicy;
import org.parley.domain.secrets.SecretRejected;
import org.parley.domain.secrets.Secrets;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the web with a deployment secret that is missing, too short or a
 * published placeholder (the link secrets, the first organiser's password if one is
 * given, the Drive token key, the database and broker passwords), naming the setting.
 * Where random secrets are allowed ({@link SecretSettings}), a missing invitation link
 * secret only leaves personal links closed, as before.
 */
@Component
class DeploymentSecrets {

	DeploymentSecrets(Environment environment, SecretSettings settings) {
		String invitationSecret = environment.getProperty("parley.invitation.link-secret");
		if (!settings.generateMissing() || (invitationSecret != null && !invitationSecret.isBlank())) {
			Secrets.require("PARLEY_INVITATION_LINK_SECRET", invitationSecret, 32);
		}
		String adminPassword = environment.getProperty("parley.admin.password");
		if (adminPassword != null && !adminPassword.isBlank()) {
			Secrets.refuseKnown("PARLEY_ADMIN_PASSWORD", adminPassword);
			PasswordPolicy.problem(adminPassword).ifPresent(problem -> {
				throw Secrets.logged(new SecretRejected("PARLEY_ADMIN_PASSWORD", problem));
			});
		}
		Secrets.refuseKnownConnectionSecrets(environment);
	}

}
