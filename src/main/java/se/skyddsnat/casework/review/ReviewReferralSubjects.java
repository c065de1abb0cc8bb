package se.skyddsnat.casework.review;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.audit.AuditSubject;

/** Referrals are audited under their own subject: the access-log review of a person includes those of its cases. */
@Component
class ReviewReferralSubjects implements ReviewSubjects {

    private final JdbcClient jdbc;

    ReviewReferralSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditSubject> types() {
        return List.of(AuditSubject.REFERRAL);
    }

    @Override
    public List<AuditReview.Subject> ofCases(Collection<Long> caseIds) {
        return jdbc.sql("SELECT id FROM casework.referrals WHERE case_id = ANY (?) ORDER BY id")
                .param(caseIds.toArray(Long[]::new)).query(Long.class).list().stream()
                .map(id -> AuditReview.Subject.of(AuditSubject.REFERRAL, id)).toList();
    }
}
