package org.parley.domain.secrets;

/**
 * A deployment secret is missing, too short or a published placeholder; the process must
 * not start with it. The message names the environment variable and how to make a value,
 * never the value itself.
 */
public class SecretRejected extends RuntimeException {

	private final String variable;

	public SecretRejected(String variable, String problem) {
		super(variable + " " + problem + ". Set it to a random value of your own, for example the output of `"
				+ Secrets.HOW_TO_MAKE_ONE + "` (see config/*.env.example).");
		this.variable = variable;
	}

	/** The environment variable to set. */
	public String variable() {
		return this.variable;
	}

}
