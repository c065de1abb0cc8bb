package se.skyddsnat.casework;

import java.util.LinkedHashMap;
import java.util.Map;

import se.skyddsnat.shared.Refused;

/**
 * Someone recorded the task as done first (perhaps a moment ago, in another window): this
 * attempt changed nothing. 409, naming who closed it and when ({@code doneBy},
 * {@code doneOn}).
 */
public class TaskAlreadyDone extends Refused {

	private final transient Task task;

	TaskAlreadyDone(Task task) {
		super(409, "task.error.alreadyDone", task.doneBy());
		this.task = task;
	}

	/** The task as the one who closed it left it: when, to whom, by whom. */
	public Task task() {
		return task;
	}

	@Override
	public String titleKey() {
		return "task.problem.alreadyDone.title";
	}

	@Override
	public Map<String, Object> properties() {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("doneBy", task.doneBy());
		properties.put("doneOn", task.doneOn());
		return properties;
	}

}
