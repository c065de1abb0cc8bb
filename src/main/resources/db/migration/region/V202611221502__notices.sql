-- region: notices that residents of a municipality outside the offer were met (counts only)
CREATE TABLE region.notices (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id        bigint      NOT NULL,
    shift_date      date        NOT NULL,
    municipality    char(4)     NOT NULL REFERENCES region.municipalities (code),
    exposed         integer     NOT NULL CHECK (exposed >= 0),
    buyers          integer     NOT NULL CHECK (buyers >= 0),
    other           integer     NOT NULL CHECK (other >= 0),
    informed_on     date,
    informed_how    varchar(300),
    closed_by       varchar(64),
    historical      boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((informed_on IS NULL) = (closed_by IS NULL)),
    UNIQUE (shift_id, municipality)
);
CREATE INDEX notices_open_idx ON region.notices (shift_date) WHERE informed_on IS NULL;
CREATE INDEX notices_municipality_idx ON region.notices (municipality, shift_date);
