package se.skyddsnat.identity;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;

import se.skyddsnat.shared.UnitCode;

/** A user as stored, for administration and login. The password hash never leaves this module. */
record UserAccount(long id, String username, String displayName, String passwordHash, boolean mustChangePassword,
        boolean enabled, int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Set<Role> roles,
        SortedSet<UnitCode> units) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, roles, units, mustChangePassword);
    }
}
