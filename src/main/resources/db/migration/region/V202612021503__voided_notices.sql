-- region: a notice whose shift (or every encounter it counted) was voided is closed as "makulerad" and no longer
-- counts as a notice, open or closed.
ALTER TABLE region.notices ADD COLUMN voided boolean NOT NULL DEFAULT false;
