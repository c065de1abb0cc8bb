package se.skyddsnat.training.course;

import java.util.List;
import java.util.Map;

/**
 * A session as typed (a form or the API), read by {@link CourseService}: times as local
 * {@code YYYY-MM-DDTHH:MM} in Europe/Stockholm, booking dates {@code YYYY-MM-DD}, quotas
 * as municipality code and seats (as typed), trainers as user names.
 */
public record SessionInput(String format, String startsAt, String endsAt, String place, String link, String capacity,
		String bookingOpens, String bookingCloses, Map<String, String> quotas, String quotaReleaseDays,
		List<String> trainers) {

	public SessionInput {
		quotas = quotas == null ? Map.of() : new java.util.LinkedHashMap<>(quotas);
		trainers = trainers == null ? List.of() : trainers.stream().filter(t -> t != null && !t.isBlank()).toList();
	}
}
