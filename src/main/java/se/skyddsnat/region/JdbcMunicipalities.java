package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.MunicipalityCode;

@Repository
class JdbcMunicipalities implements Municipalities {

    private static final RowMapper<Municipality> ROW = (rs, n) -> new Municipality(
            MunicipalityCode.of(rs.getString("code")), rs.getString("name"), rs.getString("county"),
            rs.getInt("population"), rs.getInt("population_year"),
            RegionalOfferStatus.parse(rs.getString("regional_offer_2022")));

    private final JdbcClient jdbc;

    JdbcMunicipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Municipality> all() {
        return jdbc.sql("SELECT * FROM region.municipalities ORDER BY code").query(ROW).list();
    }

    @Override
    public Optional<Municipality> find(MunicipalityCode code) {
        return jdbc.sql("SELECT * FROM region.municipalities WHERE code = ?").param(code.value()).query(ROW).optional();
    }

    @Override
    public Optional<RegionalOfferStatus> offerStatusOn(MunicipalityCode code, LocalDate date) {
        return find(code).map(Municipality::regionalOffer2022);
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM region.municipalities").query(Long.class).single();
    }

    void insert(Municipality m) {
        jdbc.sql("""
                INSERT INTO region.municipalities (code, name, county, population, population_year, regional_offer_2022)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(m.code().value(), m.name(), m.county(), m.population(), m.populationYear(),
                        m.regionalOffer2022().csvValue())
                .update();
    }
}
