package se.skyddsnat.training.web;

import java.util.ArrayList;
import java.util.List;

/** The lecture form as typed. */
public class LectureForm {

	private String heldOn;

	private String title;

	private String audience;

	private String headCount;

	private List<String> units = new ArrayList<>();

	public String getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(String v) {
		heldOn = v;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String v) {
		title = v;
	}

	public String getAudience() {
		return audience;
	}

	public void setAudience(String v) {
		audience = v;
	}

	public String getHeadCount() {
		return headCount;
	}

	public void setHeadCount(String v) {
		headCount = v;
	}

	public List<String> getUnits() {
		return units;
	}

	public void setUnits(List<String> v) {
		units = v == null ? new ArrayList<>() : v;
	}

}
