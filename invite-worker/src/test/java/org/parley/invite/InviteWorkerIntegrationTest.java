package org.parley.invite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An invite-worker on the test database and broker, with short intervals. Every test
 * class closes its context when done: a cached worker would otherwise keep consuming the
 * shared queues and send to the previous class's mail server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = InviteWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.config.name=" + InviteWorkerApplication.CONFIG_NAME,
				"parley.invitation.public-url=http://parley.test",
				"parley.invitation.link-secret=" + InvitationFixtures.LINK_SECRET, "parley.outbox.poll-interval=100ms",
				"parley.invitation.delivery.sweep-interval=100ms", "parley.invitation.fan-out.chunk-size=100",
				"parley.invitation.progress-interval=100ms",
				"spring.rabbitmq.listener.simple.retry.initial-interval=100ms", "spring.mail.host=127.0.0.1" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface InviteWorkerIntegrationTest {

}
