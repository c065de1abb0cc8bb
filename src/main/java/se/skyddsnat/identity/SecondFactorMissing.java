package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * A second factor was asked for from a user who has none enrolled (an API token before
 * the first browser login).
 */
class SecondFactorMissing extends AuthenticationException {

	SecondFactorMissing() {
		super("No second factor enrolled");
	}

}
