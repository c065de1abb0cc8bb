package se.skyddsnat.identity;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.shared.InvalidInput;

/**
 * On the first start against an empty database, creates the administrator: from
 * {@code SKYDDSNAT_ADMIN_USERNAME}/{@code SKYDDSNAT_ADMIN_PASSWORD} when set, otherwise
 * with a random one-time password printed once in the log. There is never a fixed default
 * password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts accounts;

	private final UserService users;

	private final MessageSource messages;

	private final String username;

	private final String password;

	AdminBootstrap(UserAccounts accounts, UserService users, MessageSource messages,
			@Value("${skyddsnat.admin.username:admin}") String username,
			@Value("${skyddsnat.admin.password:}") String password) {
		this.accounts = accounts;
		this.users = users;
		this.messages = messages;
		this.username = username.trim().toLowerCase(Locale.ROOT);
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		var details = new UserService.UserDetails(username, "Administratör", List.of(Role.ADMIN.name()), List.of(),
				null);
		try {
			if (password.isBlank()) {
				var created = users.createWithOneTimePassword(details);
				log.warn("""

						==========================================================================
						 First start: administrator '{}' created with the one-time password
						     {}
						 It is shown only this once and must be changed at the first login.
						==========================================================================""",
						created.account().username(), created.oneTimePassword());
			}
			else {
				users.createWithPassword(details, password);
				log.info("First start: administrator '{}' created from SKYDDSNAT_ADMIN_USERNAME/PASSWORD", username);
			}
		}
		catch (InvalidInput e) {
			// the rules in plain words, from the message bundle (English, as the log is)
			throw new FirstAdministratorRefused(String.join(" ",
					e.violations()
						.stream()
						.map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), Locale.ENGLISH))
						.toList()));
		}
	}

}
