package se.skyddsnat.identity;

import java.util.List;

import org.springframework.security.core.AuthenticationException;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.Refused;

/**
 * A token request the login refused, as the API answers it: 401 for wrong credentials, a
 * locked or disabled account (the same words for each, so nobody learns which) and a
 * one-time password not yet changed, 429 when throttled.
 */
final class LoginRefused extends Refused {

	private final String titleKey;

	private LoginRefused(int status, String titleKey, String messageKey) {
		super(status, messageKey);
		this.titleKey = titleKey;
	}

	/**
	 * The answer to a refused login: this refusal, or bad input (400 naming the field)
	 * for a control character.
	 */
	static RuntimeException of(AuthenticationException e) {
		return switch (e) {
			case LoginInputRefused r ->
				new InvalidInput(List.of(new InvalidInput.Violation(r.field(), "login.error.invalid." + r.field())),
						"login.error.invalid." + r.field());
			case LoginThrottled t when t.block() == LoginThrottle.Block.USER_NAME ->
				new LoginRefused(429, "problem.throttled.title", "login.problem.throttledUser");
			case LoginThrottled t -> new LoginRefused(429, "problem.throttled.title", "problem.throttled.detail");
			case SecondFactorCodeRequired c ->
				new LoginRefused(401, "problem.unauthorized.title", "problem.login.secondFactorCode");
			case SecondFactorMissing m ->
				new LoginRefused(401, "problem.unauthorized.title", "problem.login.secondFactorMissing");
			case PasswordChangeRequired p ->
				new LoginRefused(401, "problem.unauthorized.title", "problem.login.changePassword");
			default -> new LoginRefused(401, "problem.unauthorized.title", "problem.login.bad");
		};
	}

	@Override
	public String titleKey() {
		return titleKey;
	}

}
