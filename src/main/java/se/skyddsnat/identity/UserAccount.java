package se.skyddsnat.identity;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;

import se.skyddsnat.shared.UnitCode;

/**
 * A user as administered: who, which roles and units, and the account's state. No
 * secrets. {@code externalId}: the user's identity at the organisation's identity
 * provider (OIDC), or null.
 */
public record UserAccount(long id, String username, String displayName, boolean mustChangePassword, boolean enabled,
		int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Set<Role> roles, SortedSet<UnitCode> units,
		String externalId) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, roles, units, mustChangePassword);
	}
}
