package se.skyddsnat.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code audit/} under the data directory (owner-only): the key file and the checkpoints.
 * Resolved once.
 */
@Component
class AuditDirectory {

	private final Path path;

	@Autowired
	AuditDirectory(@Value("${skyddsnat.data-dir}") Path dataDir) {
		this(dataDir.resolve("audit").toAbsolutePath(), true);
	}

	private AuditDirectory(Path path, boolean create) {
		this.path = path;
		if (create) {
			create(path);
		}
	}

	static AuditDirectory at(Path path) {
		return new AuditDirectory(path, true);
	}

	Path path() {
		return path;
	}

	Path resolve(String name) {
		return path.resolve(name);
	}

	static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static void create(Path dir) {
		try {
			if (posix()) {
				Files.createDirectories(dir,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(dir);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the audit directory " + dir, e);
		}
	}

}
