package se.skyddsnat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A consistent backup of a Skyddsnät data directory that runs the embedded database, and
 * its restore into an empty data directory: the cluster ({@code postgres/}), the roles'
 * passwords ({@code database.credentials}) and the audit chain's key and checkpoints
 * ({@code audit/}). The command is {@code scripts/backup.sh} / {@code scripts/restore.sh}
 * (README: "Backup and restore").
 * <p>
 * The embedded distribution ships no {@code pg_dump}, and a {@code pg_dump} of another
 * major version refuses the server, so the backup is PostgreSQL's own physical base
 * backup through its low-level API: while Skyddsnät runs, {@code pg_backup_start}, a copy
 * of the cluster's files, {@code pg_backup_stop} (its label written into the copy as
 * {@code backup_label}) and the write-ahead log from start to stop, held back by a
 * temporary replication slot. A restored cluster replays that log at its first start and
 * is then exactly as the database was when the backup ended. While no Skyddsnät runs (its
 * data directory lock is free), the files are simply copied under that lock. The audit
 * files are copied before the database, so that no checkpoint in the backup is newer than
 * its database.
 */
public final class DataBackup {

	static final String MANIFEST = "BACKUP.txt";

	private static final String AUDIT_DIR = "audit";

	private static final String PGDATA = "postgres";

	/**
	 * What pg_basebackup leaves out of a copy: runtime state that a starting server makes
	 * anew.
	 */
	private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "backup_label.old", "epg-lock", "pg_internal.init");

	private DataBackup() {
	}

	/**
	 * {@code backup <data-dir> <target-dir>} or
	 * {@code restore <backup-dir> <empty-data-dir>}.
	 */
	public static void main(String[] args) {
		if (args.length == 3 && args[0].equals("backup")) {
			Path target = backup(Path.of(args[1]), Path.of(args[2]));
			System.out.println("Backup of " + Path.of(args[1]).toAbsolutePath() + " written to " + target);
		}
		else if (args.length == 3 && args[0].equals("restore")) {
			restore(Path.of(args[1]), Path.of(args[2]));
			System.out.println("Restored into " + Path.of(args[2]).toAbsolutePath()
					+ "; start Skyddsnät with SKYDDSNAT_DATA_DIR pointing there");
		}
		else {
			System.err.println("Usage: backup <data-dir> <target-dir> | restore <backup-dir> <empty-data-dir>");
			System.exit(2);
		}
	}

	/**
	 * Writes a backup of {@code dataDir} into {@code target}, which must not exist or be
	 * empty; returns it.
	 */
	public static Path backup(Path dataDir, Path target) {
		Path source = dataDir.toAbsolutePath().normalize();
		Path into = target.toAbsolutePath().normalize();
		Path pgData = source.resolve(PGDATA);
		if (!Files.isDirectory(pgData) || !Files.exists(EmbeddedCredentials.file(source))) {
			throw new IllegalArgumentException(source + " is not the data directory of a Skyddsnät with its embedded "
					+ "database (no postgres/ or database.credentials); back up an external PostgreSQL with pg_dump");
		}
		requireEmpty(into);
		try {
			createPrivateDirectory(into);
			copyPrivate(EmbeddedCredentials.file(source), into.resolve(EmbeddedCredentials.FILE_NAME));
			copyTree(source.resolve(AUDIT_DIR), into.resolve(AUDIT_DIR), Set.of(), Set.of());
			String how;
			DataDirectoryLock lock = tryLock(source);
			if (lock != null) {
				try (lock) {
					if (LeftRunningServer.postmasterPid(pgData)
						.stream()
						.anyMatch(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent())) {
						throw new IllegalStateException(
								"A PostgreSQL server left running by an earlier Skyddsnät " + "serves " + pgData
										+ "; start Skyddsnät once (it stops that server) and back up then");
					}
					copyTree(pgData, into.resolve(PGDATA), Set.of(), SKIPPED_FILES);
					how = "offline copy (no Skyddsnät was running)";
				}
			}
			else {
				how = onlineBackup(source, pgData, into.resolve(PGDATA));
			}
			Files.writeString(into.resolve(MANIFEST), """
					Skyddsnät backup of %s
					made: %s
					how: %s
					Restore into an empty data directory: scripts/restore.sh <this directory> <data-dir>
					""".formatted(source, Instant.now(), how), StandardCharsets.UTF_8);
			return into;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Backup into " + into + " failed", e);
		}
	}

	/**
	 * Copies {@code backup} into {@code dataDir}, which must not exist or be empty;
	 * Skyddsnät then starts on it.
	 */
	public static void restore(Path backup, Path dataDir) {
		Path from = backup.toAbsolutePath().normalize();
		Path into = dataDir.toAbsolutePath().normalize();
		if (!Files.exists(from.resolve(MANIFEST)) || !Files.isDirectory(from.resolve(PGDATA))) {
			throw new IllegalArgumentException(from + " is not a Skyddsnät backup (no " + MANIFEST + ")");
		}
		requireEmpty(into);
		try {
			createPrivateDirectory(into);
			copyPrivate(from.resolve(EmbeddedCredentials.FILE_NAME), into.resolve(EmbeddedCredentials.FILE_NAME));
			copyTree(from.resolve(AUDIT_DIR), into.resolve(AUDIT_DIR), Set.of(), Set.of());
			copyTree(from.resolve(PGDATA), into.resolve(PGDATA), Set.of(), Set.of());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Restore into " + into + " failed", e);
		}
	}

	private static String onlineBackup(Path dataDir, Path pgData, Path into) throws IOException {
		var credentials = EmbeddedCredentials.loadOrCreate(dataDir);
		List<String> pid = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
		String port = pid.get(3).strip();
		var props = new Properties();
		props.setProperty("user", credentials.superuser().name());
		props.setProperty("password", credentials.superuser().password());
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
				var st = c.createStatement()) {
			// the write-ahead log from here on stays until this connection ends (a
			// temporary slot)
			st.execute(
					"SELECT pg_create_physical_replication_slot('skyddsnat_backup_' || pg_backend_pid(), true, true)");
			String startLsn;
			try (var rs = st.executeQuery("SELECT pg_backup_start('skyddsnat backup', true)::text")) {
				rs.next();
				startLsn = rs.getString(1);
			}
			copyTree(pgData, into, EMPTIED_DIRS, SKIPPED_FILES);
			String label;
			String stopLsn;
			String tablespaceMap;
			try (var rs = st.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
				rs.next();
				stopLsn = rs.getString(1);
				label = rs.getString(2);
				tablespaceMap = rs.getString(3);
			}
			Files.writeString(into.resolve("backup_label"), label, StandardCharsets.UTF_8);
			if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
				Files.writeString(into.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
			}
			// the segments from the start through the stop: the slot kept every one of
			// them
			try (Stream<Path> wal = Files.list(pgData.resolve("pg_wal"))) {
				for (Path segment : wal.filter(Files::isRegularFile).toList()) {
					copyIfPresent(segment, into.resolve("pg_wal").resolve(segment.getFileName().toString()));
				}
			}
			return "online base backup, write-ahead log " + startLsn + " to " + stopLsn;
		}
		catch (SQLException e) {
			throw new IllegalStateException(
					"The online backup of the embedded PostgreSQL on port " + port + " failed: " + e.getMessage(), e);
		}
	}

	private static DataDirectoryLock tryLock(Path dataDir) {
		try {
			return DataDirectoryLock.acquire(dataDir);
		}
		catch (EmbeddedDatabaseRefused heldByARunningSkyddsnat) {
			return null;
		}
	}

	/**
	 * Copies a directory tree with owner-only permissions; of a directory named in
	 * {@code emptied} only the directory itself, files named in {@code skipped} not at
	 * all, and files that vanish while copying (a running server drops temporary files)
	 * are left out.
	 */
	private static void copyTree(Path from, Path to, Set<String> emptied, Set<String> skipped) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				createPrivateDirectory(to.resolve(from.relativize(dir).toString()));
				boolean empty = !dir.equals(from) && dir.getParent().equals(from)
						&& emptied.contains(dir.getFileName().toString());
				if (empty && dir.getFileName().toString().equals("pg_wal")) {
					createPrivateDirectory(to.resolve("pg_wal").resolve("archive_status"));
				}
				return empty || dir.getFileName().toString().startsWith("pgsql_tmp") ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String name = file.getFileName().toString();
				if (attrs.isRegularFile() && !skipped.contains(name) && !name.startsWith("pgsql_tmp")) {
					copyIfPresent(file, to.resolve(from.relativize(file).toString()));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
				if (e instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw e;
			}
		});
	}

	private static void copyIfPresent(Path file, Path target) throws IOException {
		try {
			copyPrivate(file, target);
		}
		catch (NoSuchFileException vanished) {
			// a file the server removed while the copy ran: the write-ahead log replays
			// its fate
		}
	}

	private static void copyPrivate(Path file, Path target) throws IOException {
		Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
	}

	private static void createPrivateDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
	}

	private static void requireEmpty(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalArgumentException(
						dir + " is not empty: a backup and a restore go into an empty " + "directory");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
