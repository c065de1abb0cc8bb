package se.skyddsnat.casework;

/** Someone recorded the task as done first (perhaps a moment ago, in another window): this attempt changed nothing. */
public class TaskAlreadyDone extends RuntimeException {

    private final transient Task task;

    TaskAlreadyDone(Task task) {
        super("Task " + task.id() + " is already done");
        this.task = task;
    }

    /** The task as the one who closed it left it: when, to whom, by whom. */
    public Task task() {
        return task;
    }
}
