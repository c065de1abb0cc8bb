package se.skyddsnat.outreach;

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
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

import se.skyddsnat.identity.CurrentUser;

/**
 * Uploaded imports between preview and confirmation, and running imports with their progress, for
 * the import screen. In memory and per node (the user polls the node that runs the import); an
 * upload is forgotten after an hour. Only the user who uploaded it may see or confirm it.
 */
@Component
class ImportJobs {

    enum State { PREVIEW, RUNNING, DONE, FAILED }

    static final class Job {
        final String id;
        final String owner;
        final Instant created;
        final byte[] shifts;
        final byte[] encounters;
        final ImportResult preview;
        volatile State state = State.PREVIEW;
        volatile int done;
        volatile int total;
        volatile ImportResult result;
        volatile List<ImportRejected.LineError> errors = List.of();

        Job(String id, String owner, Instant created, byte[] shifts, byte[] encounters, ImportResult preview) {
            this.id = id;
            this.owner = owner;
            this.created = created;
            this.shifts = shifts;
            this.encounters = encounters;
            this.preview = preview;
            this.total = preview.shifts();
        }

        public String getId() { return id; }
        public State getState() { return state; }
        public int getDone() { return done; }
        public int getTotal() { return total; }
        public ImportResult getPreview() { return preview; }
        public ImportResult getResult() { return result; }
        public List<ImportRejected.LineError> getErrors() { return errors; }
        public int getPercent() { return total == 0 ? 100 : (int) (100L * done / total); }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = new SecureRandom();
    private final OutreachService outreach;
    private final Clock clock;

    ImportJobs(OutreachService outreach, Clock clock) {
        this.outreach = outreach;
        this.clock = clock;
    }

    Job preview(byte[] shifts, byte[] encounters, ImportResult preview) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.created.isBefore(now.minus(Duration.ofHours(1))) && j.state != State.RUNNING);
        byte[] id = new byte[16];
        random.nextBytes(id);
        var job = new Job(HexFormat.of().formatHex(id), CurrentUser.require().username(), now, shifts, encounters,
                preview);
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
                job.result = outreach.importHistory(job.shifts, job.encounters, false, (done, total) -> {
                    job.done = done;
                    job.total = total;
                });
                job.state = State.DONE;
            } catch (ImportRejected e) {
                job.errors = e.errors();
                job.state = State.FAILED;
            } catch (RuntimeException e) {
                job.errors = List.of(new ImportRejected.LineError("shifts", 0, null, "outreach.import.failed"));
                job.state = State.FAILED;
            }
        }));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
