package se.skyddsnat.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reading the audit log: the access-log page and log reviews (loggkontroll). */
public interface AuditReview {

    /** Filters; any may be null. {@code from} inclusive, {@code to} exclusive. */
    record Query(String actor, AuditKind kind, Instant from, Instant to, String subjectType, String subjectId) {
    }

    record Page(List<AuditEntry> entries, int page, int size, boolean hasMore) {
    }

    /** A record that audit rows are about, e.g. ("person", "42"); a null id stands for every record of the type. */
    record Subject(String type, String id) {

        public Subject {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("type is required");
            }
        }

        public static Subject of(String type, Object id) {
            if (id == null) {
                throw new IllegalArgumentException("id is required");
            }
            return new Subject(type, id.toString());
        }

        /** Every record of a type: for a review of what one actor did. */
        public static Subject anyOf(String type) {
            return new Subject(type, null);
        }
    }

    /**
     * A log review (loggkontroll): rows about any of the subjects, optionally by one actor and within a period
     * ({@code from} inclusive, {@code to} exclusive; either may be null). No subjects, no rows.
     */
    record SubjectQuery(Collection<Subject> subjects, String actor, Instant from, Instant to) {
    }

    /** The result of walking the whole chain: intact, or the first row where it breaks. */
    record ChainStatus(boolean intact, long rowsChecked, Long firstBrokenId) {
    }

    Page search(Query query, int page, int size);

    /** Rows about the query's subjects, newest first: who read or changed these records, when and why. */
    Page aboutSubjects(SubjectQuery query, int page, int size);

    ChainStatus verifyChain();
}
