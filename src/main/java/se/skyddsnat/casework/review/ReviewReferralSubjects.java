package se.skyddsnat.casework.review;

import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.audit.AuditSubject;

/**
 * Referrals are audited under their own subject: the access-log review of a person
 * includes those of its cases.
 */
@Component
@RequiredArgsConstructor
class ReviewReferralSubjects implements ReviewSubjects {

	private final ReviewStore store;

	@Override
	public List<AuditSubject> types() {
		return List.of(AuditSubject.REFERRAL);
	}

	@Override
	public List<AuditReview.Subject> ofCases(Collection<Long> caseIds) {
		return store.referralsOf(caseIds)
			.stream()
			.map(id -> AuditReview.Subject.of(AuditSubject.REFERRAL, id))
			.toList();
	}

}
