package se.skyddsnat.training.booking;

import lombok.Getter;
import lombok.Setter;

/**
 * The public booking form. Its field names are a contract for automation: {@code name},
 * {@code email}, {@code municipality}, {@code organisation}, {@code role}, {@code needs};
 * {@code website} is the honeypot (hidden from people; a filled one is a robot's).
 */
@Getter
@Setter
public class BookingForm {

	private String name;

	private String email;

	private String municipality;

	private String organisation;

	private String role;

	private String needs;

	private String website;

	Bookings.BookingInput input() {
		return new Bookings.BookingInput(name, email, municipality, organisation, role, needs);
	}

}
