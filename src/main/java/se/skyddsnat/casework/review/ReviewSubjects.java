package se.skyddsnat.casework.review;

import java.util.Collection;
import java.util.List;

import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.AuditReview;

/**
 * Other records of a case that are audited under their own subject type (journal notes,
 * referrals, placements ...): each kind names its records, so that the access-log review
 * of a person and of a user covers them too. A record audited with the case itself as
 * subject needs no source.
 */
interface ReviewSubjects {

	/** The audit subject types of this kind's records, e.g. {@code note}. */
	List<AuditSubject> types();

	/** The audit subjects of this kind's records in the given cases. */
	List<AuditReview.Subject> ofCases(Collection<Long> caseIds);

}
