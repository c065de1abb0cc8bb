package se.skyddsnat.identity;

import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login through the {@link Authenticator}: the user, or a session waiting for the
 * second factor.
 */
@Component
@RequiredArgsConstructor
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final Authenticator authenticator;

	@Override
	public Authentication authenticate(Authentication authentication) {
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		String username = authentication.getDetails() instanceof LoginDetails details && details.sentUsername() != null
				? details.sentUsername() : authentication.getName();
		CurrentUser user = authenticator.authenticate(username, String.valueOf(authentication.getCredentials()), client,
				"form");
		if (authenticator.secondFactorRequired(user)) {
			// no CurrentUser and no roles until the code is given (SecondFactorGate,
			// SecondFactorController)
			return UsernamePasswordAuthenticationToken
				.authenticated(new PendingSecondFactor(user.id(), user.username()), null, java.util.List.of());
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
