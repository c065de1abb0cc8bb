package se.skyddsnat.casework.stodcentrum;

/**
 * The choice as typed: {@code choice} (close, refer_social_services,
 * refer_child_psychiatry, continue), {@code reason} (required to continue), and for
 * closing the case its {@code closedOn} and {@code outcome}.
 */
public record StodcentrumChoiceInput(String choice, String reason, String closedOn, String outcome) {
}
