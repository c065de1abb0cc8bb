package se.skyddsnat.training.booking;

import se.skyddsnat.shared.Refused;

/**
 * A booking the spam guard refused (too many from one address or for one e-mail): 429.
 */
public class BookingRefused extends Refused {

	BookingRefused() {
		super(429, "training.error.tooMany");
	}

}
