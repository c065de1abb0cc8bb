package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins in a short time: from one client address, or for one user name.
 */
class LoginThrottled extends AuthenticationException {

	private final LoginThrottle.Block block;

	LoginThrottled(LoginThrottle.Block block) {
		super(block == LoginThrottle.Block.ADDRESS ? "Too many failed logins from this address"
				: "Too many failed logins for this user name");
		this.block = block;
	}

	LoginThrottle.Block block() {
		return block;
	}

}
