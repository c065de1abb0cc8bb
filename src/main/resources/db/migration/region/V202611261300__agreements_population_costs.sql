-- region: agreement history, population tables by year, and the yearly cost of the offer

-- One agreement period. starts_on NULL: the start is unknown; known_from is then the first day it is known to
-- have been in force (the 2022 report: "före 2022"). ends_on is the last day in force; NULL while open.
CREATE TABLE region.agreements (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality  varchar(4)   NOT NULL REFERENCES region.municipalities (code),
    starts_on     date,
    known_from    date,
    ends_on       date,
    services      varchar(16)[] NOT NULL CHECK (cardinality(services) > 0
                                   AND services <@ ARRAY['MIKA', 'KAST', 'COORDINATORS']::varchar(16)[]),
    note          varchar(300),
    recorded_by   varchar(64)  NOT NULL,
    recorded_at   timestamptz  NOT NULL DEFAULT now(),
    CHECK ((starts_on IS NULL) <> (known_from IS NULL)),
    CHECK (ends_on IS NULL OR ends_on >= coalesce(starts_on, known_from))
);
CREATE INDEX agreements_municipality_idx ON region.agreements (municipality, coalesce(starts_on, known_from));

-- Residents on 31 December of the year (SCB). A table may cover only some municipalities.
CREATE TABLE region.population (
    municipality  varchar(4)   NOT NULL REFERENCES region.municipalities (code),
    year          integer      NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    population    integer      NOT NULL CHECK (population >= 0),
    loaded_by     varchar(64)  NOT NULL,
    loaded_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality, year)
);
CREATE INDEX population_year_idx ON region.population (year);

-- The offer's cost for a year (whole kronor) and its positions; absent year = the defaults in RegionProperties.
CREATE TABLE region.cost_years (
    year              integer     PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
    total             bigint      NOT NULL CHECK (total >= 0),
    mika_positions    numeric(4,1) NOT NULL CHECK (mika_positions >= 0),
    kast_positions    numeric(4,1) NOT NULL CHECK (kast_positions >= 0),
    coord_positions   numeric(4,1) NOT NULL CHECK (coord_positions >= 0),
    changed_by        varchar(64) NOT NULL,
    changed_at        timestamptz NOT NULL DEFAULT now()
);

-- Municipalities outside Stockholm County (Gotland) that take part in a year's offer area.
CREATE TABLE region.cost_area_additions (
    year          integer     NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    municipality  varchar(4)  NOT NULL REFERENCES region.municipalities (code),
    added_by      varchar(64) NOT NULL,
    PRIMARY KEY (year, municipality)
);

-- Databases that already hold the reference list: its population figures and the 2022 report's joined list.
INSERT INTO region.population (municipality, year, population, loaded_by)
SELECT code, population_year, population, 'reference data' FROM region.municipalities;
INSERT INTO region.agreements (municipality, known_from, services, note, recorded_by)
SELECT code, DATE '2022-01-01', ARRAY['MIKA', 'KAST', 'COORDINATORS']::varchar(16)[], '2022 års rapport', 'reference data'
  FROM region.municipalities WHERE regional_offer_2022 = 'joined';
