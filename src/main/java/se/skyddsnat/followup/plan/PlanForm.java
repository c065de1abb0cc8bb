package se.skyddsnat.followup.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's forms as typed: a programme (name, from, to, goals), a plan (name,
 * decidedOn), a measure (text, owner, from, to) and a follow-up (from, to, status,
 * account, evidence). One class, each form uses its fields.
 */
public class PlanForm {

	private String name;

	private String from;

	private String to;

	private String goals;

	private String decidedOn;

	private String text;

	private String owner;

	private String status;

	private String account;

	private List<String> evidence = new ArrayList<>();

	public String getName() {
		return name;
	}

	public void setName(String v) {
		name = v;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String v) {
		from = v;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String v) {
		to = v;
	}

	public String getGoals() {
		return goals;
	}

	public void setGoals(String v) {
		goals = v;
	}

	public String getDecidedOn() {
		return decidedOn;
	}

	public void setDecidedOn(String v) {
		decidedOn = v;
	}

	public String getText() {
		return text;
	}

	public void setText(String v) {
		text = v;
	}

	public String getOwner() {
		return owner;
	}

	public void setOwner(String v) {
		owner = v;
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String v) {
		status = v;
	}

	public String getAccount() {
		return account;
	}

	public void setAccount(String v) {
		account = v;
	}

	public List<String> getEvidence() {
		return evidence;
	}

	public void setEvidence(List<String> v) {
		evidence = v == null ? new ArrayList<>() : v;
	}

}
