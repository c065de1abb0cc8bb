package se.skyddsnat.followup.grant;

import java.time.LocalDate;
import java.util.List;

/** A grant with its payments in order. */
public record Grant(long id, String grantor, LocalDate decidedOn, long amount, String purpose, LocalDate from,
		LocalDate to, String positions, String conditions, LocalDate reportDue, LocalDate reportApprovedOn,
		List<Payment> payments) {

	public enum Condition {

		ON_DECISION, ON_REPORT_APPROVED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum Status {

		EXPECTED, RECEIVED, WITHHELD;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public record Payment(long id, int position, int percent, long amount, Condition condition, Status status,
			LocalDate expectedOn, LocalDate receivedOn) {
	}

	public boolean approved() {
		return reportApprovedOn != null;
	}

	public long received() {
		return payments.stream().filter(p -> p.status() == Status.RECEIVED).mapToLong(Payment::amount).sum();
	}
}
