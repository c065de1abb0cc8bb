package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;

/**
 * With {@code SKYDDSNAT_OUTREACH_DEMO=true}: fills an empty outreach with three years of synthetic
 * shifts, marked as such, so a newcomer sees a living system and a benchmark has data. Refuses to run
 * when any shift exists, so it can never mix with real data.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OutreachProperties properties;
    private final Shifts shifts;
    private final DefaultOutreachService outreach;
    private final Municipalities municipalities;
    private final Clock clock;

    DemoData(OutreachProperties properties, Shifts shifts, DefaultOutreachService outreach,
            Municipalities municipalities, Clock clock) {
        this.properties = properties;
        this.shifts = shifts;
        this.outreach = outreach;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        if (shifts.count() > 0) {
            log.warn("Demo data not generated: the database already holds shifts");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        var generator = new SyntheticOutreach(2021, municipalities.all().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::population)), "demo");
        var generated = generator.shifts(today.minusYears(3), today);
        LocalDate historical = today.minusDays(properties.historicalAfter().toDays());
        int encounters = 0;
        for (NewShift shift : generated) {
            outreach.store(shift, "demo", shift.date().isBefore(historical), true);
            encounters += shift.encounters().size();
        }
        log.info("Demo data: {} synthetic shifts with {} encounters", generated.size(), encounters);
    }
}
