package se.skyddsnat.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.InvalidInput.Violation;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;

/**
 * Administration of users (ADMIN) and each user's own password. Every change is audited.
 */
@Service
@RequiredArgsConstructor
class UserService {

	/**
	 * What an administrator gives for a new or changed user; roles and units as names and
	 * codes.
	 */
	record UserDetails(String username, String displayName, Collection<String> roles, Collection<String> units,
			String externalId) {
	}

	record CreatedUser(UserAccount account, String oneTimePassword) {
	}

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
		.toCharArray();

	private final UserAccounts accounts;

	private final Units units;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	List<UserAccount> all() {
		return accounts.all();
	}

	java.util.Optional<UserAccount> find(long id) {
		return accounts.find(id);
	}

	/**
	 * A user created in the UI gets a one-time password, shown once, to change at first
	 * login.
	 */
	@Transactional
	CreatedUser createWithOneTimePassword(UserDetails details) {
		String password = oneTimePassword();
		return new CreatedUser(create(details, password, true), password);
	}

	/** A user created by the API (automation) gets the password given, usable at once. */
	@Transactional
	UserAccount createWithPassword(UserDetails details, String password) {
		return create(details, password, false);
	}

	private UserAccount create(UserDetails details, String password, boolean mustChange) {
		var errors = new ArrayList<Violation>();
		String username = details.username() == null ? "" : details.username().trim().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			errors.add(new Violation("username", "user.error.username"));
		}
		else if (accounts.findByUsername(username).isPresent()) {
			errors.add(new Violation("username", "user.error.usernameTaken"));
		}
		policy.check(password, username)
			.ifPresent(key -> errors.add(new Violation("password", key, PasswordPolicy.MIN_LENGTH)));
		Set<Role> roles = parseRoles(details.roles(), errors);
		Set<UnitCode> unitCodes = parseUnits(details.units(), errors);
		String displayName = validDisplayName(details.displayName(), errors);
		String externalId = validExternalId(details.externalId(), -1, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long id = accounts.insert(username, displayName, encoder.encode(password), mustChange);
		accounts.replaceRoles(id, roles);
		accounts.replaceUnits(id, unitCodes);
		accounts.setExternalId(id, externalId);
		audit.record(AuditEvent.of(AuditKind.USER_CREATED)
			.subject(AuditSubject.USER, id)
			.details("username=" + username + "; roles=" + roles + "; units=" + unitCodes
					+ (externalId == null ? "" : "; external identity set")));
		return accounts.find(id).orElseThrow();
	}

	@Transactional
	UserAccount update(long id, UserDetails details, boolean enabled, CurrentUser by) {
		UserAccount before = accounts.find(id).orElseThrow(() -> InvalidInput.of("id", "user.error.notFound"));
		var errors = new ArrayList<Violation>();
		Set<Role> roles = parseRoles(details.roles(), errors);
		Set<UnitCode> unitCodes = parseUnits(details.units(), errors);
		String displayName = validDisplayName(details.displayName(), errors);
		String externalId = validExternalId(details.externalId(), id, errors);
		if (by.id() == id && (!enabled || !roles.contains(Role.ADMIN))) {
			errors.add(new Violation("roles", "user.error.selfLockout"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		accounts.update(id, displayName, enabled);
		accounts.replaceRoles(id, roles);
		accounts.replaceUnits(id, unitCodes);
		accounts.setExternalId(id, externalId);
		audit.record(AuditEvent.of(AuditKind.USER_CHANGED)
			.subject(AuditSubject.USER, id)
			.details("username=" + before.username() + "; roles=" + before.roles() + "->" + roles + "; units="
					+ before.units() + "->" + unitCodes + "; enabled=" + before.enabled() + "->" + enabled
					+ (java.util.Objects.equals(before.externalId(), externalId) ? ""
							: "; external identity changed")));
		return accounts.find(id).orElseThrow();
	}

	@Transactional
	void unlock(long id) {
		UserAccount account = accounts.find(id).orElseThrow(() -> InvalidInput.of("id", "user.error.notFound"));
		accounts.unlock(id);
		audit.record(AuditEvent.of(AuditKind.USER_CHANGED)
			.subject(AuditSubject.USER, id)
			.details("username=" + account.username() + "; unlocked"));
	}

	/**
	 * A new one-time password for a user who forgot theirs; shown once to the
	 * administrator.
	 */
	@Transactional
	String resetPassword(long id) {
		UserAccount account = accounts.find(id).orElseThrow(() -> InvalidInput.of("id", "user.error.notFound"));
		String password = oneTimePassword();
		accounts.setPassword(id, encoder.encode(password), true);
		accounts.unlock(id);
		audit.record(AuditEvent.of(AuditKind.PASSWORD_CHANGED)
			.subject(AuditSubject.USER, id)
			.details("username=" + account.username() + "; reset by administrator"));
		return password;
	}

	@Transactional
	void changeOwnPassword(CurrentUser user, String current, String next, String confirmation) {
		UserAccount account = accounts.find(user.id()).orElseThrow();
		var errors = new ArrayList<Violation>();
		if (current == null || !encoder.matches(current, accounts.passwordHash(account.id()))) {
			errors.add(new Violation("currentPassword", "password.error.current"));
		}
		policy.check(next, account.username())
			.ifPresent(key -> errors.add(new Violation("newPassword", key, PasswordPolicy.MIN_LENGTH)));
		if (next != null && next.equals(current)) {
			errors.add(new Violation("newPassword", "password.error.same"));
		}
		if (next == null || !next.equals(confirmation)) {
			errors.add(new Violation("confirmation", "password.error.confirmation"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		accounts.setPassword(user.id(), encoder.encode(next), false);
		audit.record(AuditEvent.of(AuditKind.PASSWORD_CHANGED)
			.subject(AuditSubject.USER, user.id())
			.details("own password"));
	}

	private Set<Role> parseRoles(Collection<String> names, List<Violation> errors) {
		var roles = EnumSet.noneOf(Role.class);
		for (String name : names == null ? List.<String>of() : names) {
			try {
				roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (RuntimeException e) {
				errors.add(new Violation("roles", "user.error.unknownRole", Input.echo(name)));
			}
		}
		if (roles.isEmpty() && errors.stream().noneMatch(v -> v.field().equals("roles"))) {
			errors.add(new Violation("roles", "user.error.noRole"));
		}
		return roles;
	}

	private Set<UnitCode> parseUnits(Collection<String> codes, List<Violation> errors) {
		var result = new TreeSet<UnitCode>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (UnitCode.isValid(code) && units.find(UnitCode.of(code)).isPresent()) {
				result.add(UnitCode.of(code));
			}
			else {
				errors.add(new Violation("units", "user.error.unknownUnit", Input.echo(code)));
			}
		}
		return result;
	}

	/**
	 * The identity at the identity provider: optional, at most 200 characters, used by no
	 * other user.
	 */
	private String validExternalId(String raw, long userId, List<Violation> errors) {
		var in = Input.of();
		String text = in.text("externalId", raw, IdentityLimits.EXTERNAL_ID.max(), "user.error.externalId");
		errors.addAll(in.violations());
		if (text != null && accounts.findOtherWithExternalId(text, userId).isPresent()) {
			errors.add(new Violation("externalId", "user.error.externalIdTaken"));
		}
		return text;
	}

	private static String validDisplayName(String name, List<Violation> errors) {
		var in = Input.of();
		String text = in.required("displayName", name, IdentityLimits.USER_DISPLAY_NAME, "user.error.displayName");
		errors.addAll(in.violations());
		return text;
	}

	/**
	 * Four groups of four from an alphabet without look-alike characters: easy to read
	 * out, 95 bits.
	 */
	String oneTimePassword() {
		var sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				sb.append('-');
			}
			sb.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
		}
		return sb.toString();
	}

}
