package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * An API token was asked for by a user who must first change a one-time password in the
 * web UI.
 */
class PasswordChangeRequired extends AuthenticationException {

	PasswordChangeRequired() {
		super("The password must be changed before an API token is issued");
	}

}
