package se.skyddsnat.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.shared.DemoContribution;

/**
 * With {@code SKYDDSNAT_DEMO=true} (or the older {@code SKYDDSNAT_OUTREACH_DEMO=true}),
 * after the first administrator (order 0) and the municipalities (1) are in place: a
 * living system for a newcomer. Runs every module's {@link DemoContribution} in order, in
 * one transaction, each module's data made through its services as the demo users.
 * Refuses when any module holds data the demo did not make; skips a module that has its
 * demo data already, so a second start adds nothing.
 */
@Component
@Order(5)
class DemoRunner implements ApplicationRunner {

	/** What a run did. */
	enum Outcome {

		/** Not asked for. */
		OFF,
		/** Some module holds real data: nothing made. */
		REFUSED,
		/** Every module had its demo data already. */
		ALREADY_FILLED,
		/** Made the demo data of the modules that had none. */
		FILLED

	}

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	private final boolean enabled;

	private final ObjectProvider<DemoContribution> contributions;

	private final UserAccounts accounts;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoRunner(@Value("${skyddsnat.demo:false}") boolean demo,
			@Value("${skyddsnat.outreach.demo:false}") boolean outreachDemo,
			ObjectProvider<DemoContribution> contributions, UserAccounts accounts,
			PlatformTransactionManager transactions, Clock clock) {
		this.enabled = demo || outreachDemo;
		this.contributions = contributions;
		this.accounts = accounts;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled) {
			fill();
		}
	}

	/** Fills what is empty, unless real data exists anywhere. */
	Outcome fill() {
		List<DemoContribution> all = contributions.orderedStream().toList();
		return transaction.execute(status -> {
			var real = all.stream().filter(DemoContribution::holdsRealData).map(DemoContribution::module).toList();
			if (!real.isEmpty()) {
				log.warn("Demo data refused: the database holds real data ({})", String.join(", ", real));
				return Outcome.REFUSED;
			}
			var empty = all.stream().filter(c -> !c.filled()).toList();
			if (empty.isEmpty()) {
				log.info("Demo data: every module has its demo data already; nothing added");
				return Outcome.ALREADY_FILLED;
			}
			Demo demo = new Demo(LocalDate.now(clock));
			for (DemoContribution contribution : empty) {
				contribution.fill(demo);
				log.info("Demo data: {} filled", contribution.module());
			}
			return Outcome.FILLED;
		});
	}

	/** The running demo: its day, and work done signed in as a demo user. */
	private final class Demo implements DemoContribution.Demo {

		private final LocalDate today;

		Demo(LocalDate today) {
			this.today = today;
		}

		@Override
		public LocalDate today() {
			return today;
		}

		@Override
		public <T> T as(String username, Supplier<T> work) {
			if (!username.startsWith(DemoContribution.DEMO_USER_PREFIX)) {
				throw new IllegalArgumentException("The demo acts only as its own users");
			}
			CurrentUser user = accounts.findByUsername(username)
				.orElseThrow(() -> new IllegalStateException("No demo user " + username))
				.toCurrentUser();
			var before = SecurityContextHolder.getContext();
			var context = SecurityContextHolder.createEmptyContext();
			context
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);
			try {
				return work.get();
			}
			finally {
				SecurityContextHolder.setContext(before);
			}
		}

	}

}
