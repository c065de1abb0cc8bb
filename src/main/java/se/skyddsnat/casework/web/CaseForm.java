package se.skyddsnat.casework.web;

import lombok.Getter;
import lombok.Setter;

/**
 * The new-case form as typed: the case and its first person (more are added on the case
 * page).
 */
@Getter
@Setter
public class CaseForm {

	private String unit;

	private String kind;

	private String openedOn;

	private String reason;

	private Long personId;

	private String role = "exposed";

	private Long encounterId;

}
