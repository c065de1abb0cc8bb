package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;

/**
 * How and when a municipality was informed of a notice. A date that was missing or
 * unreadable is null, for {@link NoticeService#close} to name on its field.
 */
public record Informed(LocalDate on, String how) {
}
