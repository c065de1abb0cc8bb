package se.skyddsnat.training.course;

import java.util.List;

/** A course: what is taught, to whom, by which units. */
public record Course(long id, String title, String description, Audience audience, List<String> units) {

	public Course {
		units = List.copyOf(units);
	}
}
