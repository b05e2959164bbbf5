package org.parley.web.progress;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.parley.domain.imports.DocumentImportRepository;
import org.parley.web.imports.ImportView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The open SSE streams of this web instance, by import. */
@Component
public class ImportStreams {

	private static final Logger log = LoggerFactory.getLogger(ImportStreams.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final Map<UUID, Stream> streams = new ConcurrentHashMap<>();

	private final DocumentImportRepository imports;

	ImportStreams(DocumentImportRepository imports) {
		this.imports = imports;
	}

	/** Opens a stream that starts with the import as it is now and closes after a final state. */
	public SseEmitter open(ImportView current) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		if (!send(emitter, current) || current.isFinished()) {
			emitter.complete();
			return emitter;
		}
		Stream stream = this.streams.computeIfAbsent(current.id(), id -> new Stream());
		stream.emitters.add(emitter);
		if (stream.last == null) {
			stream.last = current;
		}
		Runnable remove = () -> stream.emitters.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		// The import may have moved on between the read and the registration.
		refresh(current.id());
		return emitter;
	}

	/** Pushes the import's current state to its streams. */
	public void refresh(UUID importId) {
		Stream stream = this.streams.get(importId);
		if (stream == null || stream.emitters.isEmpty()) {
			return;
		}
		this.imports.findById(importId).map(ImportView::of).ifPresent(view -> {
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
				this.streams.remove(importId, stream);
			}
		});
	}

	@Scheduled(fixedDelayString = "${parley.progress.sweep-interval:2s}")
	void sweep() {
		for (UUID importId : List.copyOf(this.streams.keySet())) {
			refresh(importId);
		}
	}

	private static boolean send(SseEmitter emitter, ImportView view) {
		try {
			emitter.send(SseEmitter.event().name("import").id(view.state() + "-" + view.percent())
				.data(view, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("SSE client of import {} went away: {}", view.id(), ex.getMessage());
			return false;
		}
	}

	private static final class Stream {

		final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

		volatile ImportView last;

	}

}
