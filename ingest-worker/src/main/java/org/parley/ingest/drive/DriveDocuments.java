package org.parley.ingest.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonErrorContainer;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.model.File;
import com.google.auth.Retryable;
import org.parley.domain.imports.DocumentFormat;
import org.parley.domain.imports.DocumentRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one Drive file to a local file: reads its metadata, then exports a Google Doc
 * (as HTML, which keeps its structure best; as DOCX and then PDF when Drive's export size
 * limit refuses HTML) or downloads a PDF, DOCX, ODT or Markdown file as stored. While
 * Drive is busy (rate limits, 429, 5xx, a broken connection) each call is retried with
 * exponential backoff and full jitter, a bounded number of times, and the organiser is
 * told that Parley is still trying.
 */
public final class DriveDocuments {

	private static final Logger log = LoggerFactory.getLogger(DriveDocuments.class);

	static final String GOOGLE_DOC = "application/vnd.google-apps.document";

	/** Export formats of a Google Doc, best structure first. */
	private static final List<DocumentFormat> EXPORTS = List.of(DocumentFormat.GOOGLE_DOCS_HTML, DocumentFormat.DOCX,
			DocumentFormat.PDF);

	private static final Map<String, String> TYPE_NAMES = Map.of("application/vnd.google-apps.spreadsheet",
			"a Google Sheets spreadsheet", "application/vnd.google-apps.presentation", "a Google Slides presentation",
			"application/vnd.google-apps.folder", "a folder", "application/vnd.google-apps.form", "a Google Form",
			"application/vnd.google-apps.drawing", "a Google Drawing", "application/vnd.google-apps.shortcut",
			"a shortcut");

	private final DriveAccess configured;

	private final OrganiserAccounts organisers;

	private final DriveSettings.Retry retry;

	private final Pause pause;

	/**
	 * @param configured the access the settings configure, for organisers who have not
	 * connected their own Google account
	 */
	public DriveDocuments(DriveAccess configured, OrganiserAccounts organisers, DriveSettings.Retry retry) {
		this(configured, organisers, retry, DriveDocuments::sleep);
	}

	DriveDocuments(DriveAccess configured, OrganiserAccounts organisers, DriveSettings.Retry retry, Pause pause) {
		this.configured = configured;
		this.organisers = organisers;
		this.retry = retry;
		this.pause = pause;
	}

	DriveDocuments(DriveAccess configured, DriveSettings.Retry retry, Pause pause) {
		this(configured, OrganiserAccounts.NONE, retry, pause);
	}

	/**
	 * Fetches the file as the organiser who imports it: with their own connected Google
	 * account if they have one, otherwise with the access the settings configure.
	 * @param fileId the Drive file's id
	 * @param organiserId who imports it
	 * @param target where the bytes go; overwritten
	 * @param busy told before each retry while Drive is busy
	 */
	public FetchedDocument fetch(String fileId, UUID organiserId, Path target, StillTrying busy) {
		DriveAccess access = this.organisers.of(organiserId).orElse(this.configured);
		if (access.mode() == DriveAccess.Mode.NONE) {
			throw DriveProblems.notConfigured();
		}
		File metadata = call(access, busy,
				() -> access.drive()
					.files()
					.get(fileId)
					.setFields("id,name,mimeType,size")
					.setSupportsAllDrives(true)
					.execute());
		String mimeType = (metadata.getMimeType() != null) ? metadata.getMimeType() : "";
		String name = metadata.getName();
		if (mimeType.equals(GOOGLE_DOC)) {
			return new FetchedDocument(name, export(access, fileId, target, busy));
		}
		DocumentFormat stored = storedFormat(mimeType, name);
		call(access, busy, () -> {
			try (OutputStream out = Files.newOutputStream(target)) {
				access.drive().files().get(fileId).setSupportsAllDrives(true).executeMediaAndDownloadTo(out);
			}
			return null;
		});
		return new FetchedDocument(name, stored);
	}

	private DocumentFormat export(DriveAccess access, String fileId, Path target, StillTrying busy) {
		for (DocumentFormat format : EXPORTS) {
			try {
				call(access, busy, () -> {
					try (OutputStream out = Files.newOutputStream(target)) {
						access.drive()
							.files()
							.export(fileId, format.mediaType())
							.setAlt("media")
							.executeMediaAndDownloadTo(out);
					}
					return null;
				});
				return format;
			}
			catch (ExportTooLarge ex) {
				log.info("Drive file {} too large to export as {}; trying the next format", fileId, format.mediaType());
			}
		}
		throw DriveProblems.exportTooLarge();
	}

	private static DocumentFormat storedFormat(String mimeType, String name) {
		if (mimeType.equals(DocumentFormat.PDF.mediaType())) {
			return DocumentFormat.PDF;
		}
		if (mimeType.equals(DocumentFormat.DOCX.mediaType())) {
			return DocumentFormat.DOCX;
		}
		// An OpenDocument text in Drive is downloaded as stored: Drive exports only its
		// own Google Docs.
		if (mimeType.equals(DocumentFormat.ODT.mediaType())) {
			return DocumentFormat.ODT;
		}
		if (mimeType.equals(DocumentFormat.FLAT_ODT.mediaType())) {
			return DocumentFormat.FLAT_ODT;
		}
		if (mimeType.equals(DocumentFormat.MARKDOWN.mediaType())
				|| ((mimeType.equals("text/plain") || mimeType.equals("text/x-markdown")) && name != null
						&& name.toLowerCase(Locale.ROOT).endsWith(".md"))) {
			return DocumentFormat.MARKDOWN;
		}
		throw DriveProblems.unsupported(typeName(mimeType));
	}

	static String typeName(String mimeType) {
		String known = TYPE_NAMES.get(mimeType);
		if (known != null) {
			return known;
		}
		if (mimeType.startsWith("image/")) {
			return "an image (" + mimeType + ")";
		}
		return mimeType.isEmpty() ? "of an unknown type" : "of type " + mimeType;
	}

	private <T> T call(DriveAccess access, StillTrying busy, DriveCall<T> call) {
		for (int attempt = 1;; attempt++) {
			try {
				return call.execute();
			}
			catch (HttpResponseException ex) {
				String reason = reason(ex);
				int status = ex.getStatusCode();
				if (status == 404) {
					throw DriveProblems.notFound();
				}
				if ("exportSizeLimitExceeded".equals(reason)) {
					throw new ExportTooLarge();
				}
				boolean busySignal = status == 429 || status >= 500 || "userRateLimitExceeded".equals(reason)
						|| "rateLimitExceeded".equals(reason);
				if (!busySignal) {
					if (status == 401 || status == 403) {
						log.info("Drive refused access ({} {})", status, reason);
						throw DriveProblems.forbidden(access.howToShare());
					}
					throw new DriveCallFailed("Drive answered " + status + " " + reason, ex);
				}
				backOff(attempt, busy, status + " " + ((reason != null) ? reason : ""), false);
			}
			catch (IOException ex) {
				// Google's auth library marks the token endpoint's refusals (a revoked or
				// expired
				// refresh token) as not retryable; trying again cannot help.
				if (ex instanceof Retryable token && !token.isRetryable()) {
					log.info("Google's token endpoint refused the {} credentials", access.mode());
					throw DriveProblems.forbidden(access.howToReconnect());
				}
				backOff(attempt, busy, ex.getClass().getSimpleName(), unresolved(ex));
			}
		}
	}

	/**
	 * @param unreachable Google's servers could not even be found (name resolution
	 * failed): tried again like a busy signal, as resolvers fail for a moment too, but in
	 * the end told as what it is, not as Drive being busy
	 */
	private void backOff(int attempt, StillTrying busy, String why, boolean unreachable) {
		if (attempt >= this.retry.maxAttempts()) {
			throw unreachable ? DriveProblems.unreachable(attempt) : DriveProblems.unavailable(attempt);
		}
		long ceiling = Math.min(this.retry.maxBackoff().toMillis(),
				this.retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
		// Jitter (half to all of the ceiling): imports that hit the same limit do not
		// retry in step.
		long wait = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
		log.info("Drive {} ({}); attempt {} of {} again in {} ms", unreachable ? "unreachable" : "busy", why,
				attempt + 1, this.retry.maxAttempts(), wait);
		busy.stillTrying(attempt + 1, this.retry.maxAttempts());
		this.pause.pause(Duration.ofMillis(wait));
	}

	/**
	 * Drive's reason for an error ("userRateLimitExceeded", "exportSizeLimitExceeded").
	 * Media downloads fail with a plain response exception, so the JSON body is read
	 * here.
	 */
	private static String reason(HttpResponseException ex) {
		GoogleJsonError details = (ex instanceof GoogleJsonResponseException json) ? json.getDetails() : null;
		if (details == null && ex.getContent() != null && ex.getContent().startsWith("{")) {
			try {
				details = GsonFactory.getDefaultInstance()
					.fromString(ex.getContent(), GoogleJsonErrorContainer.class)
					.getError();
			}
			catch (IOException | IllegalArgumentException notJson) {
				return null;
			}
		}
		if (details != null && details.getErrors() != null && !details.getErrors().isEmpty()) {
			return details.getErrors().get(0).getReason();
		}
		return null;
	}

	/** A host name that did not resolve, however deep the client wrapped it. */
	private static boolean unresolved(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof java.net.UnknownHostException) {
				return true;
			}
		}
		return false;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DriveCallFailed("Interrupted while waiting for Drive", ex);
		}
	}

	/** Told before each new attempt while Drive is busy. */
	@FunctionalInterface
	public interface StillTrying {

		StillTrying NONE = (attempt, maxAttempts) -> {
		};

		void stillTrying(int attempt, int maxAttempts);

	}

	@FunctionalInterface
	interface Pause {

		void pause(Duration duration);

	}

	@FunctionalInterface
	private interface DriveCall<T> {

		T execute() throws IOException;

	}

	/** Drive refused one export format for its size; the next format may pass. */
	private static final class ExportTooLarge extends RuntimeException {

		ExportTooLarge() {
			super("exportSizeLimitExceeded", null, false, false);
		}

	}

}
