package se.skyddsnat.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.shared.UnitCode;

/**
 * The authenticated user as the rest of the system sees it: roles and unit memberships
 * decide what personal data a service may return. Services ask {@link #require()}; they
 * never parse authorities themselves.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, SortedSet<UnitCode> units,
		boolean mustChangePassword) implements AuthenticatedPrincipal, Serializable {

	public CurrentUser {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		units = new TreeSet<>(units);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/**
	 * Whether the user's roles allow the work; which records, is for need to know to
	 * decide.
	 */
	public boolean may(Permission permission) {
		return permission.grantedTo(roles);
	}

	/**
	 * For templates: {@code currentUser.mayNamed('MANAGE_REGIONAL_OFFER')}, the same
	 * question as {@link #may} (a template can then show a link or a form to exactly
	 * those the service lets through). An unknown name is a mistake in the template.
	 */
	public boolean mayNamed(String permission) {
		return may(Permission.valueOf(permission));
	}

	/**
	 * For templates: {@code currentUser.belongsToNamed('STODCENTRUM')}, a member of the
	 * unit with this code.
	 */
	public boolean belongsToNamed(String unit) {
		return units.stream().anyMatch(u -> u.value().equals(unit));
	}

	/** For templates: {@code currentUser.hasRoleNamed('ADMIN')}. */
	public boolean hasRoleNamed(String role) {
		return roles.stream().anyMatch(r -> r.name().equals(role));
	}

	@Override
	public String getName() {
		return username;
	}

	public boolean belongsTo(UnitCode unit) {
		return units.contains(unit);
	}

	public Collection<GrantedAuthority> authorities() {
		return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
	}

	CurrentUser withPasswordChanged() {
		return new CurrentUser(id, username, displayName, roles, units, false);
	}

	/** The logged-in user, if any. */
	public static Optional<CurrentUser> get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
	}

	/**
	 * The logged-in user, who must hold the permission: otherwise access is denied (403).
	 */
	public static CurrentUser require(Permission permission) {
		CurrentUser user = require();
		if (!user.may(permission)) {
			throw new org.springframework.security.access.AccessDeniedException("Not allowed: " + permission);
		}
		return user;
	}

	/** The logged-in user; a service called without one is a programming error. */
	public static CurrentUser require() {
		return get().orElseThrow(() -> new IllegalStateException("No authenticated user"));
	}
}
