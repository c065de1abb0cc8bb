package se.skyddsnat.outreach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code weeklyTarget}: joint shifts a week the agreement aims at (4 in 2022).
 * {@code historicalAfter}: imported shifts older than this get their tasks and notices
 * already closed. {@code demo}: the older name of {@code skyddsnat.demo} (identity's demo
 * runner reads both): fill an empty database, every module, with synthetic data at start.
 */
@ConfigurationProperties("skyddsnat.outreach")
record OutreachProperties(@DefaultValue("4") int weeklyTarget, @DefaultValue("30d") Duration historicalAfter,
		@DefaultValue("false") boolean demo) {
}
