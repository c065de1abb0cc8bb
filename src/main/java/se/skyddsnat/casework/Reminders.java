package se.skyddsnat.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one reminder mechanism: every {@link ReminderSource}, for the current user, due
 * first.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reminders {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Reminders.class);

	private final ObjectProvider<ReminderSource> sources;

	private final Clock clock;

	public List<Reminder> forCurrentUser() {
		LocalDate today = LocalDate.now(clock);
		return sources.stream()
			.flatMap(s -> safely(s, today).stream())
			.sorted(Comparator.comparing(Reminder::due, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * One broken source must not take the start page down with it; the error is logged
	 * (no personal data).
	 */
	private static List<Reminder> safely(ReminderSource source, LocalDate today) {
		try {
			return source.forCurrentUser(today);
		}
		catch (RuntimeException e) {
			LOG.error("Reminder source {} failed", source.getClass().getSimpleName(), e);
			return List.of();
		}
	}

}
