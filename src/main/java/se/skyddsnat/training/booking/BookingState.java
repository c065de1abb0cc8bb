package se.skyddsnat.training.booking;

import java.util.Locale;

/** Where a booking stands. BOOKED, OFFERED and ATTENDED hold a seat. */
public enum BookingState {

	UNCONFIRMED, BOOKED, WAITLISTED, OFFERED, CANCELLED, ATTENDED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean holdsSeat() {
		return this == BOOKED || this == OFFERED || this == ATTENDED;
	}

	public boolean active() {
		return this != CANCELLED;
	}

}
