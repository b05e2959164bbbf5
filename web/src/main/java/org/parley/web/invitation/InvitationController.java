package org.parley.web.invitation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.parley.domain.invitation.DeliveryRepository;
import org.parley.domain.invitation.DeliveryStatus;
import org.parley.domain.invitation.InvitationBatch;
import org.parley.domain.invitation.InviteeList;
import org.parley.domain.invitation.InviteeListRejected;
import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Invite people to a discussion, and follow the batch. */
@RestController
class InvitationController {

	private final Invitations invitations;

	private final DeliveryRepository deliveries;

	private final InvitationStreams streams;

	private final CurrentOrganiser organiser;

	InvitationController(Invitations invitations, DeliveryRepository deliveries, InvitationStreams streams,
			CurrentOrganiser organiser) {
		this.invitations = invitations;
		this.deliveries = deliveries;
		this.streams = streams;
		this.organiser = organiser;
	}

	@PostMapping(path = "/api/discussions/{id}/invitations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<InvitationBatchView> upload(@PathVariable UUID id,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "emails", required = false) String pasted,
			@RequestParam(name = "message", required = false) String message, Principal principal) throws IOException {
		UUID organiserId = this.organiser.require(principal);
		String list;
		String source;
		if (file != null && !file.isEmpty()) {
			list = decode(file.getBytes());
			source = file.getOriginalFilename();
		}
		else if (pasted != null && !pasted.isBlank()) {
			list = pasted;
			source = "pasted";
		}
		else {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "EMPTY_LIST", "No invitees",
					"Please paste addresses or choose a CSV file.");
		}
		return accepted(this.invitations.invite(id, organiserId, list, source, message));
	}

	@PostMapping(path = "/api/discussions/{id}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<InvitationBatchView> json(@PathVariable UUID id, @RequestBody InvitationForm form,
			Principal principal) {
		UUID organiserId = this.organiser.require(principal);
		List<String> emails = (form.emails() != null) ? form.emails() : List.of();
		return accepted(
				this.invitations.invite(id, organiserId, InviteeList.fromAddresses(emails), "api", form.message()));
	}

	@GetMapping("/api/invitation-batches/{id}")
	InvitationBatchView get(@PathVariable UUID id, Principal principal) {
		return view(find(id, principal));
	}

	@GetMapping(path = "/api/invitation-batches/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable UUID id, Principal principal) {
		return this.streams.open(view(find(id, principal)));
	}

	@GetMapping("/api/invitation-batches/{id}/recipients")
	List<RecipientView> recipients(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
			@RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") int offset,
			Principal principal) {
		InvitationBatch batch = find(id, principal);
		return this.deliveries
			.findByBatch(batch.id(), status, Math.max(1, Math.min(limit, 10_000)), Math.max(0, offset))
			.stream()
			.map(RecipientView::of)
			.toList();
	}

	/** The whole ledger of a batch for a spreadsheet; see docs/api-extensions.md. */
	/**
	 * Written in the request's own thread, not as a {@code StreamingResponseBody}: Spring
	 * MVC cancels an async task with an interrupt when the async timeout passes or the
	 * client leaves, which cut long exports short and, on an embedded H2 database, closed
	 * the database file under every other request. A request thread has no async timeout
	 * and nobody interrupts it; a client that leaves makes the next write fail, and the
	 * export stops there.
	 */
	@GetMapping(path = "/api/invitation-batches/{id}/recipients.csv", produces = "text/csv")
	void recipientsCsv(@PathVariable UUID id, Principal principal, HttpServletResponse response) {
		InvitationBatch batch = find(id, principal);
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("recipients-" + batch.id() + ".csv").build().toString());
		RecipientsCsv.write(this.deliveries, batch.id(), response);
	}

	@PostMapping("/api/invitation-batches/{id}/recipients/{deliveryId}/resend")
	ResponseEntity<InvitationBatchView> resend(@PathVariable UUID id, @PathVariable UUID deliveryId,
			Principal principal) {
		return accepted(this.invitations.resend(id, deliveryId, this.organiser.require(principal)));
	}

	@PostMapping("/api/invitation-batches/{id}/recipients/{deliveryId}/revoke")
	RecipientView revoke(@PathVariable UUID id, @PathVariable UUID deliveryId, Principal principal) {
		RecipientView revoked = this.invitations.revoke(id, deliveryId, this.organiser.require(principal));
		this.streams.refresh(id);
		return revoked;
	}

	private InvitationBatchView view(InvitationBatch batch) {
		return this.invitations.view(batch.id()).orElseThrow(ProblemException::notFound);
	}

	private InvitationBatch find(UUID id, Principal principal) {
		return this.invitations.find(id, this.organiser.require(principal)).orElseThrow(ProblemException::notFound);
	}

	private static ResponseEntity<InvitationBatchView> accepted(InvitationBatchView view) {
		return ResponseEntity.accepted().location(URI.create("/api/invitation-batches/" + view.id())).body(view);
	}

	private static String decode(byte[] bytes) {
		try {
			return InviteeList.decode(bytes);
		}
		catch (InviteeListRejected ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, ex.code(), ex.title(), ex.detail());
		}
	}

}
