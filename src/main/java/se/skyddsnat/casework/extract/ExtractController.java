package se.skyddsnat.casework.extract;

import java.time.Clock;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.skyddsnat.shared.InvalidInput;

/**
 * The register-extract page: a personnummer in a POST form (never in an address), and the
 * PDF as a download named without it. The roles are checked by {@link RegisterExtracts}.
 */
@Controller
@RequestMapping("/casework/extract")
@RequiredArgsConstructor
class ExtractController {

	private final RegisterExtracts extracts;

	private final MessageSource messages;

	private final Clock clock;

	@GetMapping
	String form() {
		if (!extracts.mayProduce()) {
			throw new org.springframework.security.access.AccessDeniedException("Register extracts");
		}
		return "casework/extract";
	}

	@PostMapping
	Object produce(@RequestParam(required = false) String personalNumber, Model model, Locale locale) {
		try {
			RegisterExtract extract = extracts.produce(personalNumber);
			byte[] pdf = ExtractPdf.render(extract, messages, locale, clock.getZone());
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("registerutdrag.pdf").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf);
		}
		catch (InvalidInput e) {
			model.addAttribute("errors", e.violations());
			model.addAttribute("personalNumber", personalNumber);
			return "casework/extract";
		}
	}

}
