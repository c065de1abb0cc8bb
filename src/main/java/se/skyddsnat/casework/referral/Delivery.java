package se.skyddsnat.casework.referral;

import java.time.LocalDate;

/**
 * What happened to a sent external referral's letter: how and when it was delivered and
 * by whom that was recorded, and the receiving body's answer (day, short text, who
 * recorded it). Each half is null until recorded.
 */
public record Delivery(DeliveryWay how, LocalDate deliveredOn, String deliveredBy, LocalDate answerOn,
		String answerText, String answerBy) {

	public boolean delivered() {
		return how != null;
	}

	public boolean answered() {
		return answerOn != null;
	}

}
