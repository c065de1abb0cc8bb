package se.skyddsnat.shared;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * A module's part of the demo ({@code SKYDDSNAT_DEMO=true} on an empty database):
 * synthetic data made through the module's own services, so that its rules, audit and
 * tasks run as they do for real work. Every module (or room) that has something to show
 * declares one bean; the demo runs them in their
 * {@link org.springframework.core.annotation.Order}: identity 0 (the demo users),
 * outreach 100, casework 200, region 300 and up; a new module takes a free number after
 * the modules whose data it builds on. The demo refuses to run when any contribution
 * {@link #holdsRealData()}, and a contribution already {@link #filled()} is skipped, so a
 * second start adds nothing.
 *
 * <p>
 * What the demo makes is synthetic and says so: it is made by a demo account (user name
 * {@code demo-…}, display name "… (demo)"), people carry made-up names beginning "Demo"
 * and test personnummer, outreach's shifts are marked synthetic in their rows.
 */
public interface DemoContribution {

	/**
	 * The demo accounts' user names begin with this; a row made by one of them is
	 * synthetic.
	 */
	String DEMO_USER_PREFIX = "demo-";

	/** The module (and room), for the log. */
	String module();

	/** Rows that the demo did not make: then the demo makes nothing anywhere. */
	boolean holdsRealData();

	/** The module holds its demo data already. */
	boolean filled();

	/** Makes the module's demo data, acting as the demo users. */
	void fill(Demo demo);

	/** What a contribution may ask of the running demo. */
	interface Demo {

		/** The day the demo is made (the application's clock). */
		LocalDate today();

		/**
		 * Runs the work signed in as the demo user ({@code demo-mika}, see the identity
		 * module's demo users).
		 */
		<T> T as(String username, Supplier<T> work);

		default void run(String username, Runnable work) {
			as(username, () -> {
				work.run();
				return null;
			});
		}

	}

}
