package se.skyddsnat.mail;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Utkorg", for administrators: every mail in the outbox, newest first — what was sent
 * and, with no mail server configured, what would have been — and each mail's text on its
 * own page. Every read is audited.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class OutboxController {

	private static final int PAGE_SIZE = 50;

	private static final int MAX_PAGE = 100_000;

	private final OutboxReview review;

	private final OutboxSender sender;

	@GetMapping("/admin/outbox")
	String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.clamp(page, 0, MAX_PAGE);
		model.addAttribute("result", review.list(shown, PAGE_SIZE));
		model.addAttribute("canSend", sender.canSend());
		return "mail/outbox";
	}

	@GetMapping("/admin/outbox/{id}")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("mail",
				review.message(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("canSend", sender.canSend());
		return "mail/message";
	}

	/**
	 * An attachment as a download (never shown inline: it came from a caller, not from
	 * us).
	 */
	@GetMapping("/admin/outbox/{id}/attachments/{position}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int position) {
		var file = review.attachment(id, position).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		MediaType type;
		try {
			type = MediaType.parseMediaType(file.contentType());
		}
		catch (IllegalArgumentException e) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

}
