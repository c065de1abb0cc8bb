package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;

/**
 * A contact with a municipality outside the offer, to record: when, who was contacted (a
 * function or an official: a professional contact, never a client), and the outcome. A
 * date that was missing or unreadable is null, for
 * {@link NonJoinedFollowUp#recordContact} to name on its field.
 */
public record NewDialogueEntry(LocalDate contactedOn, String contact, String outcome) {
}
