package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * A token request with the right password from an account that needs a second factor, but
 * without the code.
 */
class SecondFactorCodeRequired extends AuthenticationException {

	SecondFactorCodeRequired() {
		super("The second factor's code is required");
	}

}
