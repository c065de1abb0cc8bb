package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * A user name or password with a control character (a NUL byte, say): no user has one;
 * answered 400 naming the field.
 */
class LoginInputRefused extends AuthenticationException {

	private final String field;

	LoginInputRefused(String field) {
		super("Control character in " + field);
		this.field = field;
	}

	/** {@code username} or {@code password}. */
	String field() {
		return field;
	}

}
