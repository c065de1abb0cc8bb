package se.skyddsnat.followup.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.CountTable;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.SuppressedTable;

/**
 * Computes the catalogue's indicators for a period. Every count of one answer is one cell
 * of one {@link CountTable}: a breakdown adds up to its indicator's count, a part ("of
 * whom") is declared under its whole, a share's numerator under its denominator — so
 * primary and secondary suppression protect all of them together, and the same records
 * and period give the same answer.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Indicators {

	private final IndicatorCatalogue catalogue;

	private final Sources sources;

	public IndicatorCatalogue catalogue() {
		return catalogue;
	}

	/**
	 * Every indicator for the period; {@code by}: the breakdown asked for, applied where
	 * an indicator allows it.
	 */
	public List<IndicatorValue> compute(LocalDate from, LocalDate to, boolean suppress, Breakdown by) {
		var choice = new LinkedHashMap<String, Breakdown>();
		catalogue.all().forEach(i -> choice.put(i.id(), i.allows(by) ? by : null));
		return compute(from, to, suppress, choice);
	}

	/**
	 * The chosen indicators (in the map's order) with each its own breakdown (null:
	 * none), in one table.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<IndicatorValue> compute(LocalDate from, LocalDate to, boolean suppress, Map<String, Breakdown> chosen) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		DatePeriod.of(from, to);
		var table = new CountTable<String>();
		var raw = new LinkedHashMap<String, Raw>();
		for (var entry : chosen.entrySet()) {
			Indicator i = catalogue.find(entry.getKey()).orElseThrow();
			Breakdown by = i.allows(entry.getValue()) ? entry.getValue() : null;
			long n = sum(i.numerator().count(sources, from, to, null));
			Map<String, Long> parts = by == null ? Map.of() : i.numerator().count(sources, from, to, by);
			Long d = i.denominator() == null ? null : sum(i.denominator().count(sources, from, to, null));
			raw.put(i.id(), new Raw(i, n, d, by, parts));
			if (i.protect()) {
				table.count(i.id(), n);
				parts.forEach((k, v) -> table.count(i.id() + "." + k, v));
				if (d != null && !sharesDenominator(i, chosen, d, raw)) {
					table.count(i.id() + "/d", d);
				}
			}
		}
		// how the counts hang together, once all are in
		for (Raw r : raw.values()) {
			Indicator i = r.indicator();
			if (!i.protect()) {
				continue;
			}
			if (!r.parts().isEmpty() && sum(r.parts()) == r.n()) {
				table.sum(i.id(), r.parts().keySet().stream().map(k -> i.id() + "." + k).toList());
			}
			String whole = wholeOf(r, raw);
			if (whole != null) {
				table.atMost(i.id(), whole);
			}
			if (r.d() != null && !whole(r, raw).equals(i.id() + "/d")) {
				continue;
			}
			if (r.d() != null) {
				table.atMost(i.id(), i.id() + "/d");
			}
		}
		SuppressedTable<String> shown = table.publish(suppress);
		var values = new ArrayList<IndicatorValue>();
		for (Raw r : raw.values()) {
			values.add(value(r, shown, from, to, raw));
		}
		return values;
	}

	/**
	 * One indicator for the period with the breakdown (if it allows it), in a table of
	 * its own.
	 */
	public IndicatorValue one(String id, LocalDate from, LocalDate to, boolean suppress, Breakdown by) {
		var choice = new LinkedHashMap<String, Breakdown>();
		Indicator i = catalogue.find(id).orElseThrow();
		if (i.partOf() != null && i.unit() == Unit.PERCENT) {
			choice.put(i.partOf(), null);
		}
		choice.put(id, by);
		return compute(from, to, suppress, choice).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * The indicator per year of the period (per month when the period lies within one
	 * year), each computed and suppressed alone: the trend chart and its table.
	 */
	public List<IndicatorValue> trend(String id, LocalDate from, LocalDate to, boolean suppress) {
		var points = new ArrayList<IndicatorValue>();
		boolean monthly = from.getYear() == to.getYear();
		LocalDate start = from;
		while (!start.isAfter(to)) {
			LocalDate end = monthly ? start.withDayOfMonth(start.lengthOfMonth())
					: start.withDayOfYear(start.lengthOfYear());
			if (end.isAfter(to)) {
				end = to;
			}
			points.add(one(id, start, end, suppress, null));
			start = end.plusDays(1);
		}
		return points;
	}

	private record Raw(Indicator indicator, long n, Long d, Breakdown by, Map<String, Long> parts) {
	}

	/**
	 * A share whose whole is another indicator of the answer (offered support of those
	 * met) uses that cell.
	 */
	private static boolean sharesDenominator(Indicator i, Map<String, Breakdown> chosen, long d, Map<String, Raw> raw) {
		return i.unit() == Unit.PERCENT && i.partOf() != null && raw.containsKey(i.partOf())
				&& raw.get(i.partOf()).n() == d;
	}

	private static String whole(Raw r, Map<String, Raw> raw) {
		Indicator i = r.indicator();
		if (i.unit() == Unit.PERCENT && i.partOf() != null && raw.containsKey(i.partOf())
				&& raw.get(i.partOf()).n() == r.d()) {
			return i.partOf();
		}
		return i.id() + "/d";
	}

	private static String wholeOf(Raw r, Map<String, Raw> raw) {
		Indicator i = r.indicator();
		return i.partOf() != null && raw.containsKey(i.partOf()) && raw.get(i.partOf()).indicator().protect()
				? i.partOf() : null;
	}

	private static IndicatorValue value(Raw r, SuppressedTable<String> shown, LocalDate from, LocalDate to,
			Map<String, Raw> raw) {
		Indicator i = r.indicator();
		Count n = i.protect() ? shown.get(i.id()) : Count.exact(r.n());
		Count d = null;
		if (r.d() != null) {
			String key = whole(r, raw);
			d = i.protect() ? shown.get(key) : Count.exact(r.d());
		}
		var parts = new ArrayList<IndicatorValue.Part>();
		r.parts()
			.forEach((k, v) -> parts
				.add(new IndicatorValue.Part(k, i.protect() ? shown.get(i.id() + "." + k) : Count.exact(v))));
		BigDecimal value = null;
		boolean undefined = false;
		switch (i.unit()) {
			case COUNT -> value = n.isExact() ? BigDecimal.valueOf(n.value()) : null;
			case PERCENT -> {
				if (d.isExact() && d.value() == 0) {
					undefined = true;
				}
				else if (n.isExact() && d.isExact()) {
					value = BigDecimal.valueOf(n.value())
						.multiply(i.factor())
						.divide(BigDecimal.valueOf(d.value()), 1, RoundingMode.HALF_UP);
				}
			}
			case PER_WEEK -> {
				long days = ChronoUnit.DAYS.between(from, to) + 1;
				if (n.isExact()) {
					value = BigDecimal.valueOf(n.value() * 7).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP);
				}
			}
		}
		return new IndicatorValue(i, from, to, n, d, value, undefined, r.by(), List.copyOf(parts));
	}

	private static long sum(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
