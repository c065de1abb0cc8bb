package se.skyddsnat.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import se.skyddsnat.shared.InvalidInput;

/**
 * A page's refused input that its controller did not show next to the field itself (a
 * value no form offers, a control character in a parameter): 400 with the Swedish error
 * page listing each field and what was wrong, rendered by {@link ErrorPages} — never a
 * 500. API controllers are answered by {@link ApiProblems} first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler(InvalidInput.class)
	void invalidInput(InvalidInput e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(ErrorPages.VIOLATIONS, e.violations());
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/**
	 * A form field no form has (encounters[100000].role): the binder refuses to grow a
	 * list that far.
	 */
	@ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
	void invalidProperty(org.springframework.beans.InvalidPropertyException e, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String field = e.getPropertyName() == null ? "?" : se.skyddsnat.shared.Input.echo(e.getPropertyName());
		request.setAttribute(ErrorPages.VIOLATIONS,
				java.util.List.of(new InvalidInput.Violation(field, "input.error.type")));
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
