package org.parley.domain.outbox;

/**
 * The broker did not confirm a message: it was refused, returned, or the broker was
 * unreachable.
 */
public class PublishFailed extends RuntimeException {

	public PublishFailed(String message) {
		super(message);
	}

	public PublishFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
