-- casework: a share is exactly as wide as the referral that makes it, for as long as it is accepted.
-- The receiving unit's access is derived from the referral's state and its named people (casework.CaseAccess),
-- so the separate share table, which outlived closed referrals and opened every person in the case, goes.
DROP TABLE casework.case_shares;

-- How a closed referral was closed: withdrawn before an answer, done, or revoked by a manager of the sending unit.
ALTER TABLE casework.referrals ADD COLUMN closed_how varchar(10)
    CHECK (closed_how IN ('withdrawn', 'done', 'revoked'));
UPDATE casework.referrals SET closed_how = CASE WHEN answered_at IS NOT NULL OR target_kind <> 'unit' THEN 'done'
                                                ELSE 'withdrawn' END
 WHERE state = 'closed';
ALTER TABLE casework.referrals ADD CONSTRAINT referrals_closed_how_check2 CHECK ((state = 'closed') = (closed_how IS NOT NULL));

-- the need-to-know condition asks "an accepted referral of this case to these units" and "a person named in one"
CREATE INDEX referrals_accepted_idx ON casework.referrals (case_id, to_unit) WHERE state = 'accepted';
CREATE INDEX referral_people_person_idx ON casework.referral_people (person_id);
