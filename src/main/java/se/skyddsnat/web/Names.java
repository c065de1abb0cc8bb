package se.skyddsnat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.identity.UserDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Municipalities and units by name for templates, where a person reads them
 * ({@code ${@names.unit(c.unit)}}, {@code ${@names.municipality(shift.municipality)}}):
 * "Stockholm", "Mikamottagningen", not "0180" or "MIKA" — codes stay in the API and CSV.
 * Both lists are short and rarely change: read once, again after a minute (a renamed unit
 * shows within a minute), so a list of a hundred rows asks nothing per row.
 */
@Component("names")
public class Names {

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final Municipalities municipalities;

	private final UnitDirectory units;

	private final Clock clock;

	private final UserDirectory users;

	private final java.util.concurrent.ConcurrentHashMap<String, Map.Entry<Instant, String>> workers = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile Snapshot snapshot;

	private record Snapshot(Instant read, Map<String, String> municipalities, Map<String, String> units) {
	}

	Names(Municipalities municipalities, UnitDirectory units, Clock clock, UserDirectory users) {
		this.users = users;
		this.municipalities = municipalities;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * The municipality's name ("Stockholm"); the code itself when unknown, "–" for none.
	 */
	public String municipality(Object code) {
		String c = code instanceof MunicipalityCode m ? m.value() : code == null ? null : code.toString();
		return c == null || c.isBlank() ? "–" : current().municipalities().getOrDefault(c, c);
	}

	/** The unit's name ("Mikamottagningen"); the code itself when unknown. */
	public String unit(Object code) {
		String c = code instanceof UnitCode u ? u.value() : code == null ? null : code.toString();
		return c == null ? "–" : current().units().getOrDefault(c, c);
	}

	/**
	 * A worker by display name ("Anna Andersson", not "anna"), for journal signatures and
	 * responsible fields; the user name itself for a system actor. Each name is read once
	 * a minute at most.
	 */
	public String user(String username) {
		if (username == null || username.isBlank()) {
			return "–";
		}
		Instant now = clock.instant();
		var known = workers.get(username);
		if (known == null || known.getKey().plus(FRESH).isBefore(now)) {
			if (workers.size() > 10_000) {
				workers.clear();
			}
			known = Map.entry(now, users.displayName(username));
			workers.put(username, known);
		}
		return known.getValue();
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s == null || s.read().plus(FRESH).isBefore(now)) {
			s = new Snapshot(now,
					municipalities.all()
						.stream()
						.collect(Collectors.toMap(m -> m.code().value(), Municipality::name, (a, b) -> a)),
					units.all().stream().collect(Collectors.toMap(u -> u.code().value(), Unit::name, (a, b) -> a)));
			snapshot = s;
		}
		return s;
	}

}
