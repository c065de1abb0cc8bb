package se.skyddsnat.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.shared.InvalidInput;

/**
 * Uploaded imports between preview and confirmation, and running imports with their
 * progress, for the import screen. Per node (the user polls the node that runs the
 * import); the uploaded files are kept on disk under the data directory
 * ({@code imports/}, readable by the application's user only) — never in memory — and
 * deleted when the import has run or after an hour. Only the user who uploaded it may see
 * or confirm it.
 */
@Component
class ImportJobs {

	enum State {

		PREVIEW, RUNNING, DONE, FAILED

	}

	static final class Job {

		final String id;

		final String owner;

		final Instant created;

		final Path shifts;

		final Path encounters;

		final ImportResult preview;

		volatile State state = State.PREVIEW;

		volatile int done;

		volatile int total;

		volatile ImportResult result;

		volatile List<InvalidInput.LineError> errors = List.of();

		volatile int errorCount;

		Job(String id, String owner, Instant created, Path shifts, Path encounters, ImportResult preview) {
			this.id = id;
			this.owner = owner;
			this.created = created;
			this.shifts = shifts;
			this.encounters = encounters;
			this.preview = preview;
			this.total = preview.shifts();
		}

		public String getId() {
			return id;
		}

		public State getState() {
			return state;
		}

		public int getDone() {
			return done;
		}

		public int getTotal() {
			return total;
		}

		public ImportResult getPreview() {
			return preview;
		}

		public ImportResult getResult() {
			return result;
		}

		public List<InvalidInput.LineError> getErrors() {
			return errors;
		}

		public int getErrorCount() {
			return errorCount;
		}

		public int getPercent() {
			return total == 0 ? 100 : (int) (100L * done / total);
		}

	}

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final SecureRandom random = new SecureRandom();

	private final OutreachService outreach;

	private final Clock clock;

	private final Path directory;

	ImportJobs(OutreachService outreach, Clock clock, @Value("${skyddsnat.data-dir:./data}") String dataDir) {
		this.outreach = outreach;
		this.clock = clock;
		this.directory = Path.of(dataDir, "imports");
	}

	/**
	 * Files left by an earlier run (a crash between preview and import): forgotten
	 * uploads, older than an hour.
	 */
	@jakarta.annotation.PostConstruct
	void removeLeftovers() {
		if (!Files.isDirectory(directory)) {
			return;
		}
		Instant before = clock.instant().minus(Duration.ofHours(1));
		try (var files = Files.list(directory)) {
			for (Path file : files.toList()) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException e) {
			// not fatal: they are tried again at the next start
		}
	}

	/**
	 * Keeps the two uploaded files for the confirmation, with the preview of what they
	 * would import.
	 */
	Job preview(MultipartFile shifts, MultipartFile encounters, ImportResult preview) {
		Instant now = clock.instant();
		jobs.values().removeIf(j -> {
			boolean expired = j.created.isBefore(now.minus(Duration.ofHours(1))) && j.state != State.RUNNING;
			if (expired) {
				delete(j);
			}
			return expired;
		});
		byte[] id = new byte[16];
		random.nextBytes(id);
		String name = HexFormat.of().formatHex(id);
		var job = new Job(name, CurrentUser.require().username(), now, keep(shifts, name + "-shifts.csv"),
				keep(encounters, name + "-encounters.csv"), preview);
		jobs.put(job.id, job);
		return job;
	}

	Optional<Job> find(String id) {
		String me = CurrentUser.require().username();
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(me));
	}

	/** Starts the import in the background, as the current user. */
	void start(Job job) {
		synchronized (job) {
			if (job.state != State.PREVIEW) {
				return;
			}
			job.state = State.RUNNING;
		}
		executor.execute(new DelegatingSecurityContextRunnable(() -> {
			try {
				job.result = outreach.importHistory(ImportFile.of(job.shifts), ImportFile.of(job.encounters), false,
						(done, total) -> {
							job.done = done;
							job.total = total;
						});
				job.state = State.DONE;
			}
			catch (ImportRejected e) {
				job.errors = e.errors();
				job.errorCount = e.total();
				job.state = State.FAILED;
			}
			catch (RuntimeException e) {
				job.errors = List.of(new InvalidInput.LineError("shifts", 0, null, "outreach.import.failed"));
				job.errorCount = 1;
				job.state = State.FAILED;
			}
			finally {
				delete(job);
			}
		}));
	}

	private Path keep(MultipartFile file, String name) {
		try {
			Files.createDirectories(directory);
			Path path = directory.resolve(name);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(path,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(path);
			}
			if (file != null && !file.isEmpty()) {
				try (var in = file.getInputStream(); var out = Files.newOutputStream(path)) {
					in.transferTo(out);
				}
			}
			return path;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Job job) {
		try {
			Files.deleteIfExists(job.shifts);
			Files.deleteIfExists(job.encounters);
		}
		catch (IOException e) {
			// left for the next start's clean-up of the directory (removeLeftovers)
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
		jobs.values().stream().filter(j -> j.state != State.RUNNING).forEach(ImportJobs::delete);
	}

}
