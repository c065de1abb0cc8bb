package se.skyddsnat.idempotency;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hidden token of a form that creates or changes something, as a controller
 * parameter. The token is made when the form is drawn
 * ({@code <input th:replace="~{fragments :: idempotencyToken}">}) and kept across
 * validation errors, so a double tap, a slow network or "back and send again" posts the
 * same token: the first post does the work, every repeat of it is sent where the first
 * one went, with a note that it had already been saved. <pre>
 * try {
 *     return token.once("person.register", () -> "redirect:/people/" + people.register(form.toNewPerson()));
 * } catch (InvalidInput e) { ... }   // nothing was kept: the corrected form may be sent with the same token
 * </pre> The work runs in one transaction with the token's row: let the service's
 * exceptions pass (they roll back both, and the controller handles them outside); only an
 * answer that redirects is kept — any other (the form again, with its errors) leaves the
 * token free. A post without a token (an old page, a script) is carried out as it comes.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class FormToken {

	/** The form field. */
	public static final String PARAMETER = "idempotencyToken";

	/**
	 * Shown now, once (e.g. a one-time password), and where a repeat is sent instead
	 * ({@code redirect:...}).
	 */
	public record Shown(String view, String repeatRedirect) {
	}

	private final RequestKeys keys;

	private final String user;

	private final String token;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	/**
	 * Does {@code work} (returning a view name) once for this token. {@code operation}
	 * names what it does, e.g. {@code "referral.create"}; the form's path is kept with
	 * it, so forms that share a page's token never meet.
	 */
	public String once(String operation, Supplier<String> work) {
		return onceShowing(operation, () -> {
			String view = work.get();
			return new Shown(view, view);
		});
	}

	/**
	 * As {@link #once}, for an answer that must not be shown twice: a repeat goes to
	 * {@link Shown#repeatRedirect}.
	 */
	public String onceShowing(String operation, Supplier<Shown> work) {
		if (user == null || token == null) {
			return work.get().view();
		}
		return keys.once(user, RequestKeys.operation(operation, request), token, null, () -> {
			Shown shown = work.get();
			String target = redirectTarget(shown.repeatRedirect());
			return new RequestKeys.Done<>(shown.view(),
					target == null ? null : new RequestKeys.Answer(null, target, null, null));
		}, first -> {
			noteOnArrival(first.location());
			return "redirect:" + first.location();
		});
	}

	/**
	 * Work that must be kept whatever becomes of the form, such as a draft saved as
	 * typed: it runs in transactions of its own, outside the form's, so a refusal
	 * afterwards does not undo it. Call it first in the work, before anything there
	 * writes (the form's transaction must hold no lock that this work would wait for).
	 */
	public <T> T keepAnyway(Supplier<T> work) {
		return keys.outside(work);
	}

	/**
	 * What the user reads where the repeat lands: the first post's own message when it
	 * was never shown (a double tap: the browser dropped the first answer), else a note
	 * that this had been saved already.
	 */
	private void noteOnArrival(String location) {
		FlashMap outgoing = RequestContextUtils.getOutputFlashMap(request);
		FlashMapManager manager = RequestContextUtils.getFlashMapManager(request);
		FlashMap unseen = manager == null ? null
				: manager.retrieveAndUpdate(new ArrivingAt(request, location), response);
		if (unseen != null && !unseen.isEmpty()) {
			outgoing.putAll(unseen);
		}
		else {
			outgoing.put("message", "idempotency.replayed");
		}
	}

	/**
	 * The request the browser will make at the redirect's target, as far as flash
	 * attributes are matched.
	 */
	private static final class ArrivingAt extends HttpServletRequestWrapper {

		private final String uri;

		private final String query;

		ArrivingAt(HttpServletRequest request, String location) {
			super(request);
			var target = UriComponentsBuilder.fromUriString(location).fragment(null).build();
			this.uri = request.getContextPath() + target.getPath();
			this.query = target.getQuery();
		}

		@Override
		public String getRequestURI() {
			return uri;
		}

		@Override
		public String getQueryString() {
			return query;
		}

	}

	private static String redirectTarget(String view) {
		return view != null && view.startsWith("redirect:") ? view.substring("redirect:".length()) : null;
	}

}
