package org.parley.domain.messaging.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.parley.domain.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.beans.factory.DisposableBean;

/**
 * Gauges of how many messages wait in work queues and in their dead-letter queues. A
 * thread of its own asks the broker every interval with a passive declare, which RabbitMQ
 * and the embedded Qpid both answer; a scrape only reads the last answer, so it never
 * waits for the broker and frequent scrapes cost the broker nothing. An answer older than
 * three intervals (the broker cannot be reached) shows as NaN, never as an empty queue.
 */
public class QueueDepths implements MeterBinder, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

	private final AmqpAdmin admin;

	private final List<String> queues;

	private final List<String> queuesAndDeadLetters;

	private final Duration interval;

	private final Map<String, Reading> readings = new ConcurrentHashMap<>();

	private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "parley-queue-depths");
		thread.setDaemon(true);
		return thread;
	});

	public QueueDepths(AmqpAdmin admin, List<String> queues, Duration interval) {
		this.admin = admin;
		this.queues = List.copyOf(queues);
		this.queuesAndDeadLetters = queues.stream()
			.flatMap(queue -> Stream.of(queue, Topology.deadLetterQueue(queue)))
			.toList();
		this.interval = interval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String queue : this.queues) {
			String deadLetters = Topology.deadLetterQueue(queue);
			Gauge.builder("parley.queue.depth", this, depths -> depths.messages(queue))
				.description("Messages ready for delivery in a work queue")
				.tag("queue", queue)
				.strongReference(true)
				.register(registry);
			Gauge.builder("parley.queue.consumers", this, depths -> depths.consumers(queue))
				.description("Consumers of a work queue, across all processes")
				.tag("queue", queue)
				.strongReference(true)
				.register(registry);
			Gauge.builder("parley.dead-letter.depth", this, depths -> depths.messages(deadLetters))
				.description("Messages in a work queue's dead-letter queue, waiting for an operator")
				.tag("queue", queue)
				.strongReference(true)
				.register(registry);
		}
		long millis = this.interval.toMillis();
		this.reader.scheduleWithFixedDelay(this::read, 0, millis, TimeUnit.MILLISECONDS);
	}

	private double messages(String queue) {
		Reading reading = fresh(queue);
		return (reading != null) ? reading.messages() : Double.NaN;
	}

	private double consumers(String queue) {
		Reading reading = fresh(queue);
		return (reading != null) ? reading.consumers() : Double.NaN;
	}

	private Reading fresh(String queue) {
		Reading reading = this.readings.get(queue);
		long maxAge = 3 * this.interval.toNanos();
		return (reading != null && System.nanoTime() - reading.readAt() < maxAge) ? reading : null;
	}

	private void read() {
		try {
			for (String name : this.queuesAndDeadLetters) {
				QueueInformation info = this.admin.getQueueInfo(name);
				if (info != null) {
					this.readings.put(name,
							new Reading(info.getMessageCount(), info.getConsumerCount(), System.nanoTime()));
				}
				else {
					this.readings.remove(name);
				}
			}
		}
		catch (AmqpException ex) {
			// The gauges go NaN once the last answers age; the broker's health says why.
			log.debug("Queue depths not read: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.reader.shutdownNow();
	}

	private record Reading(long messages, long consumers, long readAt) {
	}

}
