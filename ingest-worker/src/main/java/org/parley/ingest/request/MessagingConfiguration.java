package org.parley.ingest.request;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.DeadLetters;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.QueueDepths;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The exchanges and queues this worker consumes from and publishes to. A message that
 * still fails after the listener's retries is republished to the dead-letter exchange by
 * the application itself, which works on both RabbitMQ and the embedded broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

	@Bean
	Declarables importTopology(MessagingSettings settings) {
		DirectExchange work = new DirectExchange(Topology.WORK_EXCHANGE, true, false);
		DirectExchange deadLetter = new DirectExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
		FanoutExchange progress = new FanoutExchange(Topology.PROGRESS_EXCHANGE, true, false);
		String name = Topology.IMPORT_REQUESTED;
		Queue queue = new Queue(name, true, false, false, Topology.workQueueArguments(name, settings.broker()));
		Queue dlq = new Queue(Topology.deadLetterQueue(name), true, false, false);
		Binding bind = BindingBuilder.bind(queue).to(work).with(name);
		Binding bindDlq = BindingBuilder.bind(dlq).to(deadLetter).with(Topology.deadLetterRoutingKey(name));
		String reports = Topology.REPORT_REQUESTED;
		Queue reportQueue = new Queue(reports, true, false, false,
				Topology.workQueueArguments(reports, settings.broker()));
		Queue reportDlq = new Queue(Topology.deadLetterQueue(reports), true, false, false);
		Binding bindReports = BindingBuilder.bind(reportQueue).to(work).with(reports);
		Binding bindReportDlq = BindingBuilder.bind(reportDlq)
			.to(deadLetter)
			.with(Topology.deadLetterRoutingKey(reports));
		return new Declarables(work, deadLetter, progress, queue, dlq, bind, bindDlq, reportQueue, reportDlq,
				bindReports, bindReportDlq);
	}

	@Bean
	MessageConverter messageConverter() {
		return new JacksonJsonMessageConverter();
	}

	/**
	 * Republishes a message that failed after the listener's retries to the dead-letter
	 * exchange, and counts it by the queue it came from.
	 */
	@Bean
	MessageRecoverer deadLetterRecoverer(RabbitTemplate rabbit, MeterRegistry registry) {
		return DeadLetters.recoverer(rabbit, registry);
	}

	@Bean
	QueueDepths queueDepths(AmqpAdmin admin, MessagingSettings settings) {
		return new QueueDepths(admin, List.of(Topology.IMPORT_REQUESTED, Topology.REPORT_REQUESTED),
				settings.queueDepthInterval());
	}

}
