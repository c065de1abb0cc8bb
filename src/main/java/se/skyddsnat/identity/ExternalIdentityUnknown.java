package se.skyddsnat.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone who is no Skyddsnät user (or sent no usable
 * identity).
 */
class ExternalIdentityUnknown extends AuthenticationException {

	ExternalIdentityUnknown() {
		super("No Skyddsnät user has this identity");
	}

}
