package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.Map;

/**
 * Stödcentrum's indicators for a period (both dates inclusive) as other modules count
 * them (follow-up), aggregates only and exact: the caller suppresses what it shows.
 * {@code ratedTalks}: signed support talks with the young person's satisfaction;
 * {@code satisfiedTalks}: those rated 4 or 5. {@code supported} and {@code violence}:
 * distinct young people with a support talk in the period — all, and those whose talk
 * concerned violence in close relations — by gender code (female, male, other, unknown;
 * every code present). COORDINATOR, MANAGER, ANALYST.
 */
public interface StodcentrumFigures {

	record Period(long ratedTalks, long satisfiedTalks, Map<String, Long> supported, Map<String, Long> violence) {
	}

	Period figures(LocalDate from, LocalDate to);

}
