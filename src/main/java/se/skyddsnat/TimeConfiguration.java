package se.skyddsnat;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application: instants are absolute, dates and times are in the
 * organisation's zone.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${skyddsnat.time-zone:Europe/Stockholm}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}
