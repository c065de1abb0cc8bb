-- casework: the journal of a case (contacts and interventions with a note), and Stödcentrum's choice after the
-- fifth support talk.

-- A journal entry is a draft until its author signs it. A draft may be incomplete (it is saved as the user types);
-- a signed entry is complete and final: never changed, never deleted (the trigger below), only corrected by a new
-- entry that points to it (corrects_id). Each author has at most one draft per case.
CREATE TABLE casework.journal_entries (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id                   bigint       NOT NULL REFERENCES casework.cases (id),
    entry_date                date,
    kind                      varchar(24)  CHECK (kind IN ('support_talk', 'counselling', 'motivational_talk',
                                                           'practical_support', 'accompaniment', 'medical_referral',
                                                           'consultation')),
    channel                   varchar(12)  CHECK (channel IN ('in_person', 'phone', 'digital')),
    minutes                   integer      CHECK (minutes BETWEEN 1 AND 1440),
    note                      text         NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    -- Stödcentrum: the young person's satisfaction with a support talk, and whether the support concerned
    -- violence in close relations (våld i nära relationer); null when not asked
    satisfaction              smallint     CHECK (satisfaction BETWEEN 1 AND 5),
    close_relations_violence  boolean,
    corrects_id               bigint,
    author                    varchar(64)  NOT NULL,
    created_at                timestamptz  NOT NULL DEFAULT now(),
    updated_at                timestamptz  NOT NULL DEFAULT now(),
    signed_by                 varchar(64),
    signed_at                 timestamptz,
    UNIQUE (id, case_id),
    -- a correction corrects an entry of the same case
    FOREIGN KEY (corrects_id, case_id) REFERENCES casework.journal_entries (id, case_id),
    CHECK (corrects_id IS NULL OR corrects_id <> id),
    CHECK ((signed_by IS NULL) = (signed_at IS NULL)),
    CHECK (signed_at IS NULL OR (entry_date IS NOT NULL AND kind IS NOT NULL AND channel IS NOT NULL
                                 AND minutes IS NOT NULL AND btrim(note) <> '')),
    -- satisfaction and violence in close relations belong to support talks (a draft may still be in between)
    CHECK (signed_at IS NULL OR kind = 'support_talk' OR (satisfaction IS NULL AND close_relations_violence IS NULL))
);
CREATE INDEX journal_entries_case_idx ON casework.journal_entries (case_id, entry_date, id);
CREATE INDEX journal_entries_corrects_idx ON casework.journal_entries (corrects_id) WHERE corrects_id IS NOT NULL;
CREATE UNIQUE INDEX journal_entries_one_draft_idx ON casework.journal_entries (case_id, author) WHERE signed_at IS NULL;
-- the Stödcentrum indicators read signed support talks by date
CREATE INDEX journal_entries_talks_idx ON casework.journal_entries (entry_date)
    WHERE signed_at IS NOT NULL AND kind = 'support_talk';

-- Defence in depth (SOSFS 2014:5: corrections must be traceable): the application never changes or deletes a
-- signed entry, and the database refuses it too. Drafts stay editable and may be thrown away by their author.
CREATE FUNCTION casework.journal_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'journal entries cannot be truncated';
    END IF;
    IF OLD.signed_at IS NULL THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'signed journal entry % cannot be deleted', OLD.id;
    END IF;
    IF NEW IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION 'signed journal entry % cannot be changed; write a correction', OLD.id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER journal_entries_signed_final
    BEFORE UPDATE OR DELETE ON casework.journal_entries
    FOR EACH ROW EXECUTE FUNCTION casework.journal_signed_is_final();
CREATE TRIGGER journal_entries_no_truncate
    BEFORE TRUNCATE ON casework.journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION casework.journal_signed_is_final();

-- Stödcentrum: after the fifth support talk (configurable) the worker chooses how the case goes on. The choice is
-- a decision in the case file: recorded once, never changed.
CREATE TABLE casework.stodcentrum_decisions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint        NOT NULL REFERENCES casework.cases (id),
    choice      varchar(24)   NOT NULL CHECK (choice IN ('close', 'refer_social_services', 'refer_child_psychiatry',
                                                         'continue')),
    reason      varchar(2000),
    talks       integer       NOT NULL CHECK (talks >= 0),
    decided_on  date          NOT NULL,
    decided_by  varchar(64)   NOT NULL,
    decided_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (choice <> 'continue' OR (reason IS NOT NULL AND btrim(reason) <> ''))
);
CREATE INDEX stodcentrum_decisions_case_idx ON casework.stodcentrum_decisions (case_id);

CREATE FUNCTION casework.stodcentrum_decision_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a Stödcentrum decision is final';
END $$;

CREATE TRIGGER stodcentrum_decisions_final
    BEFORE UPDATE OR DELETE ON casework.stodcentrum_decisions
    FOR EACH ROW EXECUTE FUNCTION casework.stodcentrum_decision_is_final();
