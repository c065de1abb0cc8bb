package se.skyddsnat.identity;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A browser session whose password was right but whose second factor is still to come.
 * Deliberately not a {@link CurrentUser} and without roles: nothing that asks for the
 * current user finds one, and {@link SecondFactorGate} lets the session reach only the
 * code page and logout.
 */
record PendingSecondFactor(long userId, String username) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return username;
	}
}
