package org.parley.ingest.request;

import java.util.List;

import org.parley.domain.messaging.Topology;
import org.parley.domain.messaging.broker.MessagingSettings;
import org.parley.domain.messaging.broker.WorkQueues;
import org.parley.domain.messaging.broker.WorkerMessaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The queues this worker consumes from; {@link WorkerMessaging} declares them with their
 * dead-letter paths, as for every worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingSettings.class)
@Import(WorkerMessaging.class)
class MessagingConfiguration {

	@Bean
	WorkQueues workQueues() {
		return new WorkQueues(List.of(Topology.IMPORT_REQUESTED, Topology.REPORT_REQUESTED));
	}

}
