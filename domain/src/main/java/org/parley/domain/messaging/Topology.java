package org.parley.domain.messaging;

import java.util.List;
import java.util.Map;

/**
 * The exchanges and queues of Parley, declared from one place by each process. Every work
 * queue has a dead-letter queue named {@code <queue>.dlq}, bound to
 * {@link #DEAD_LETTER_EXCHANGE} with the queue's name as routing key.
 */
public final class Topology {

	/** Direct exchange for work: import requests, later invitations and notifications. */
	public static final String WORK_EXCHANGE = "parley.work";

	/** Direct exchange that rejected messages are routed to. */
	public static final String DEAD_LETTER_EXCHANGE = "parley.dead-letter";

	/** Fan-out exchange of progress events: every web instance gets every event. */
	public static final String PROGRESS_EXCHANGE = "parley.progress";

	public static final String IMPORT_REQUESTED = "parley.import.requested";

	/** Invitation batches to fan out, one message per batch. */
	public static final String INVITATIONS_REQUESTED = "parley.invitation.requested";

	/** Invitations to send, one message per ledger row. */
	public static final String SEND_INVITATION = "parley.invitation.send";

	/** Magic links to mail, for the invite-worker's delivery path. */
	public static final String SIGN_IN_LINK_REQUESTED = "parley.sign-in.requested";

	/** Replies, for the invite-worker's notifications. */
	public static final String REPLY_POSTED = "parley.reply.posted";

	/** New revisions of a document, for the invite-worker's notifications. */
	public static final String REVISION_PUBLISHED = "parley.revision.published";

	/** Reports of a discussion to make, for the ingest-worker's report job. */
	public static final String REPORT_REQUESTED = "parley.report.requested";

	/** The durable work queues; each is bound to the work exchange with its own name. */
	public static final List<String> WORK_QUEUES = List.of(IMPORT_REQUESTED, INVITATIONS_REQUESTED, SEND_INVITATION,
			SIGN_IN_LINK_REQUESTED, REPLY_POSTED, REVISION_PUBLISHED, REPORT_REQUESTED);

	private Topology() {
	}

	public static String deadLetterQueue(String queue) {
		return queue + ".dlq";
	}

	/**
	 * The routing key under which a queue's rejected messages reach its dead-letter
	 * queue.
	 */
	public static String deadLetterRoutingKey(String queue) {
		return "error." + queue;
	}

	/**
	 * Arguments of a durable work queue. On RabbitMQ it is a quorum queue whose broker
	 * dead-letters a message redelivered too often (a consumer that crashes on it); the
	 * embedded broker rejects queue arguments, so there the application alone
	 * dead-letters.
	 */
	public static Map<String, Object> workQueueArguments(String queue, BrokerKind broker) {
		if (broker == BrokerKind.QPID) {
			return Map.of();
		}
		return Map.of("x-queue-type", "quorum", "x-delivery-limit", 5, "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
				"x-dead-letter-routing-key", deadLetterRoutingKey(queue));
	}

}
