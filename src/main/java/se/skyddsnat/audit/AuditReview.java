package se.skyddsnat.audit;

import java.time.Instant;
import java.util.List;

/** Reading the audit log: the access-log page and log reviews (loggkontroll). */
public interface AuditReview {

    /** Filters; any may be null. {@code from} inclusive, {@code to} exclusive. */
    record Query(String actor, AuditKind kind, Instant from, Instant to, String subjectType, String subjectId) {
    }

    record Page(List<AuditEntry> entries, int page, int size, boolean hasMore) {
    }

    /** The result of walking the whole chain: intact, or the first row where it breaks. */
    record ChainStatus(boolean intact, long rowsChecked, Long firstBrokenId) {
    }

    Page search(Query query, int page, int size);

    ChainStatus verifyChain();
}
