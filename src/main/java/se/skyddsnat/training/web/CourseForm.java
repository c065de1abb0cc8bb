package se.skyddsnat.training.web;

import java.util.ArrayList;
import java.util.List;

/** The course form as typed. */
public class CourseForm {

	private String title;

	private String description;

	private String audience;

	private List<String> units = new ArrayList<>();

	public String getTitle() {
		return title;
	}

	public void setTitle(String v) {
		title = v;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String v) {
		description = v;
	}

	public String getAudience() {
		return audience;
	}

	public void setAudience(String v) {
		audience = v;
	}

	public List<String> getUnits() {
		return units;
	}

	public void setUnits(List<String> v) {
		units = v == null ? new ArrayList<>() : v;
	}

}
