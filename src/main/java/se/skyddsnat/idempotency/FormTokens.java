package se.skyddsnat.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page gets the token for its forms ({@code ${idempotencyToken}}): a new one when
 * it is drawn, the posted one when a form comes back with its errors — so a corrected
 * form is still the same submission.
 */
@ControllerAdvice(annotations = Controller.class)
class FormTokens {

	@ModelAttribute(FormToken.PARAMETER)
	String token(HttpServletRequest request) {
		return IdempotencyWebConfiguration.tokenForForm(request.getParameter(FormToken.PARAMETER));
	}

}
