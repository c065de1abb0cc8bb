-- region: municipalities of the regional offer (reference data loaded at first start)
CREATE SCHEMA IF NOT EXISTS region;

CREATE TABLE region.municipalities (
    code                varchar(4)   PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
    name                varchar(100) NOT NULL,
    county              varchar(100) NOT NULL,
    population          integer      NOT NULL CHECK (population >= 0),
    population_year     integer      NOT NULL CHECK (population_year BETWEEN 1900 AND 2200),
    regional_offer_2022 varchar(12)  NOT NULL CHECK (regional_offer_2022 IN ('host', 'joined', 'not_joined', 'unknown'))
);
