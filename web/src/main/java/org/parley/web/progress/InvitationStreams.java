package org.parley.web.progress;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.parley.domain.invitation.InvitationBatchRepository;
import org.parley.web.invitation.InvitationBatchView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The open SSE streams of this web instance, by invitation batch. */
@Component
public class InvitationStreams {

	private static final Logger log = LoggerFactory.getLogger(InvitationStreams.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final Map<UUID, Stream> streams = new ConcurrentHashMap<>();

	private final InvitationBatchRepository batches;

	InvitationStreams(InvitationBatchRepository batches) {
		this.batches = batches;
	}

	/** Opens a stream that starts with the batch as it is now and closes after a final state. */
	public SseEmitter open(InvitationBatchView current) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		if (!send(emitter, current) || current.isFinished()) {
			emitter.complete();
			return emitter;
		}
		Stream stream = this.streams.computeIfAbsent(current.id(), id -> new Stream());
		stream.emitters.add(emitter);
		Runnable remove = () -> stream.emitters.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		refresh(current.id());
		return emitter;
	}

	/** Pushes the batch's current counts to its streams. */
	public void refresh(UUID batchId) {
		Stream stream = this.streams.get(batchId);
		if (stream == null || stream.emitters.isEmpty()) {
			return;
		}
		this.batches.findById(batchId).map(b -> InvitationBatchView.of(b, this.batches.counts(b))).ifPresent(view -> {
			synchronized (stream) {
				if (view.equals(stream.last) && !view.isFinished()) {
					return;
				}
				stream.last = view;
				for (SseEmitter emitter : stream.emitters) {
					if (!send(emitter, view) || view.isFinished()) {
						emitter.complete();
						stream.emitters.remove(emitter);
					}
				}
			}
			if (view.isFinished()) {
				this.streams.remove(batchId, stream);
			}
		});
	}

	@Scheduled(fixedDelayString = "${parley.progress.sweep-interval:2s}")
	void sweep() {
		for (UUID batchId : List.copyOf(this.streams.keySet())) {
			refresh(batchId);
		}
	}

	private static boolean send(SseEmitter emitter, InvitationBatchView view) {
		try {
			emitter.send(SseEmitter.event().name("invitations").data(view, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("SSE client of invitation batch {} went away: {}", view.id(), ex.getMessage());
			return false;
		}
	}

	private static final class Stream {

		final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

		volatile InvitationBatchView last;

	}

}
