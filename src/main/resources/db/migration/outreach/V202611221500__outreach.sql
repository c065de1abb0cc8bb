-- outreach: shifts (own or joint with the police) and the people met on them, as anonymous rows
CREATE SCHEMA IF NOT EXISTS outreach;

CREATE TABLE outreach.shifts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ref               varchar(64) UNIQUE,           -- the import reference; a ref is imported once
    shift_date        date        NOT NULL,
    start_time        time,
    end_time          time,
    kind              varchar(10) NOT NULL CHECK (kind IN ('joint', 'own')),
    police_operation  varchar(20) CHECK (police_operation IN ('surveillance', 'raid')),
    arena             varchar(20) NOT NULL CHECK (arena IN ('street', 'apartment', 'hotel', 'sex_club', 'online', 'other')),
    municipality      char(4)     NOT NULL CHECK (municipality ~ '^[0-9]{4}$'),
    notes             varchar(2000),
    synthetic         boolean     NOT NULL DEFAULT false,  -- made by the demo generator, never real
    recorded_by       varchar(64) NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'joint') = (police_operation IS NOT NULL))
);
CREATE INDEX shifts_date_idx ON outreach.shifts (shift_date, kind);

-- Unit codes, not foreign keys: units belong to the identity module.
CREATE TABLE outreach.shift_units (
    shift_id  bigint      NOT NULL REFERENCES outreach.shifts (id) ON DELETE CASCADE,
    unit_code varchar(32) NOT NULL,
    position  smallint    NOT NULL,
    PRIMARY KEY (shift_id, unit_code)
);
CREATE INDEX shift_units_unit_idx ON outreach.shift_units (unit_code, shift_id);

CREATE TABLE outreach.encounters (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id          bigint      NOT NULL REFERENCES outreach.shifts (id) ON DELETE CASCADE,
    position          smallint    NOT NULL,
    role              varchar(10) NOT NULL CHECK (role IN ('exposed', 'buyer', 'other')),
    gender            varchar(10) NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unknown')),
    age               smallint    CHECK (age BETWEEN 0 AND 120),
    minor             varchar(10) NOT NULL CHECK (minor IN ('yes', 'no', 'unknown')),
    home              varchar(10) NOT NULL CHECK (home ~ '^[0-9]{4}$' OR home IN ('abroad', 'unknown')),
    support_offered   boolean     NOT NULL,
    offered_by        varchar(32),
    accepted          varchar(10) NOT NULL CHECK (accepted IN ('yes', 'no', 'unknown')),
    is_minor          boolean     GENERATED ALWAYS AS (minor = 'yes' OR coalesce(age < 18, false)) STORED,
    CHECK (support_offered = (offered_by IS NOT NULL)),
    CHECK (NOT (minor = 'yes' AND age >= 18) AND NOT (minor = 'no' AND age < 18)),
    UNIQUE (shift_id, position)
);
CREATE INDEX encounters_shift_idx ON outreach.encounters (shift_id);
