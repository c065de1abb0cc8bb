package se.skyddsnat.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the scheduler sees of a job that threw: the job's name and the exception's
 * classes, never its message (an exception from a driver or a mail server may quote a
 * value: an address, a name). The original exception is not kept as the cause, so no
 * logger can print its message either.
 */
final class JobFailed extends RuntimeException {

	JobFailed(String job, Throwable cause) {
		super("job " + job + " failed: " + describe(cause), null, false, false);
	}

	static void run(String job, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException | Error e) {
			if (e instanceof VirtualMachineError vm) {
				throw vm;
			}
			throw new JobFailed(job, e);
		}
	}

	/**
	 * The classes of an exception and its causes, and where the innermost one was thrown,
	 * e.g.
	 * {@code MailSendException < MailConnectException < ConnectException at Net.connect0(Net.java)};
	 * no message.
	 */
	static String describe(Throwable t) {
		if (t == null) {
			return "unknown";
		}
		if (t instanceof JobFailed) {
			return t.getMessage().substring(t.getMessage().indexOf(": ") + 2);
		}
		List<String> names = new ArrayList<>();
		var seen = new LinkedHashSet<Throwable>();
		Throwable innermost = t;
		for (Throwable c = t; c != null && seen.add(c) && names.size() < 6; c = c.getCause()) {
			names.add(c.getClass().getSimpleName().isEmpty() ? c.getClass().getName() : c.getClass().getSimpleName());
			innermost = c;
		}
		String where = "";
		StackTraceElement[] trace = innermost.getStackTrace();
		if (trace.length > 0) {
			StackTraceElement top = trace[0];
			String cls = top.getClassName().substring(top.getClassName().lastIndexOf('.') + 1);
			where = " at " + cls + "." + top.getMethodName() + "(" + top.getFileName() + ":" + top.getLineNumber()
					+ ")";
		}
		return String.join(" < ", names) + where;
	}

}
