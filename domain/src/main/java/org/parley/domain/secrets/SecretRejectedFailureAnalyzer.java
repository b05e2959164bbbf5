package org.parley.domain.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a refused secret into Boot's "APPLICATION FAILED TO START" report: which setting,
 * and how to make one, without a stack trace to dig through.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecretRejectedFailureAnalyzer extends AbstractFailureAnalyzer<SecretRejected> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretRejected cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + cause.variable() + " in the environment (with compose: in the config/*.env file that "
						+ "config/*.env.example describes). Make a value with: " + Secrets.HOW_TO_MAKE_ONE,
				cause);
	}

}
