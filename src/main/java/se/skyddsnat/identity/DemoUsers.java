package se.skyddsnat.identity;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.DemoContribution;

/**
 * The demo's users, one or more for each role, made like an administrator makes them:
 * each with a one-time password printed once in the log (as the first administrator's
 * is), to change at the first login. The other modules' demo data is made as these users
 * ({@link DemoContribution.Demo#as}).
 */
@Component
@Order(0)
class DemoUsers implements DemoContribution {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	/** The demo's users: user name, display name, roles, units. */
	static final List<UserService.UserDetails> USERS = List.of(
			user("demo-mika", "Demo Handläggare Mika (demo)", "CASEWORKER", "MIKA"),
			user("demo-kast", "Demo Handläggare KAST (demo)", "CASEWORKER", "KAST"),
			user("demo-ungdom", "Demo Handläggare Ungdomsjouren (demo)", "CASEWORKER", "UNGDOMSJOUREN"),
			user("demo-stodcentrum", "Demo Rådgivare Stödcentrum (demo)", "CASEWORKER", "STODCENTRUM"),
			user("demo-socialjour", "Demo Handläggare Socialjouren (demo)", "CASEWORKER", "SOCIALJOUREN"),
			user("demo-chef", "Demo Chef Mika (demo)", "MANAGER", "MIKA"),
			user("demo-samordnare", "Demo Regionkoordinator (demo)", "COORDINATOR", "RK_VUXNA"),
			user("demo-analytiker", "Demo Analytiker (demo)", "ANALYST", null),
			user("demo-admin", "Demo Administratör (demo)", "ADMIN", null));

	private final UserAccounts accounts;

	private final UserService users;

	private final String admin;

	DemoUsers(UserAccounts accounts, UserService users, @Value("${skyddsnat.admin.username:admin}") String admin) {
		this.accounts = accounts;
		this.users = users;
		this.admin = admin.trim().toLowerCase(java.util.Locale.ROOT);
	}

	private static UserService.UserDetails user(String username, String name, String role, String unit) {
		return new UserService.UserDetails(username, name, List.of(role), unit == null ? List.of() : List.of(unit),
				null);
	}

	@Override
	public String module() {
		return "identity";
	}

	/** Any account but the first administrator and the demo's own. */
	@Override
	public boolean holdsRealData() {
		return accounts.all()
			.stream()
			.map(UserAccount::username)
			.anyMatch(u -> !u.equals(admin) && !u.startsWith(DEMO_USER_PREFIX));
	}

	@Override
	public boolean filled() {
		return accounts.all().stream().anyMatch(a -> a.username().startsWith(DEMO_USER_PREFIX));
	}

	@Override
	public void fill(Demo demo) {
		String lines = USERS.stream().map(details -> {
			var created = users.createWithOneTimePassword(details);
			return String.format("  %-18s %-22s %s", created.account().username(), created.oneTimePassword(),
					details.roles().iterator().next() + (details.units().isEmpty() ? "" : " " + details.units()));
		}).collect(Collectors.joining("\n"));
		log.warn("""

				==========================================================================
				 Demo: users for each role, with one-time passwords shown only this once
				 (to change at the first login):
				{}
				==========================================================================""", lines);
	}

}
