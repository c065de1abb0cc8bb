package se.skyddsnat.casework.retention;

import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention is configuration, not code. {@code keep}: how long after the last entry in
 * the person's cases the records are kept ({@code SKYDDSNAT_RETENTION_KEEP}, five years);
 * {@code toYearEnd}: counted on to the end of that calendar year (so an entry of
 * 2026-03-01 falls due after 2031-12-31). Exceptions, kept whatever their age:
 * {@code keepBirthDays}, people born on these days of the month (research samples: 5, 15
 * and 25; empty for none); {@code keepChildCases}, cases in which a child took part — the
 * records of a child placement — with everyone in them.
 */
@ConfigurationProperties("skyddsnat.retention")
record RetentionProperties(@DefaultValue("P5Y") Period keep, @DefaultValue("true") boolean toYearEnd, @DefaultValue( {
		"5", "15", "25" }) List<Integer> keepBirthDays, @DefaultValue("true") boolean keepChildCases){
}
