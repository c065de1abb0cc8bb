package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.DemoContribution;

/**
 * Outreach's part of the demo: three years of synthetic shifts, marked as such in their
 * rows, with their tasks for the children met and their notices to the municipalities
 * outside the offer (older shifts' already closed, as an import closes them), so a
 * newcomer sees a living system and a benchmark has data. Real data is any shift not
 * marked synthetic.
 */
@Component
@Order(100)
@RequiredArgsConstructor
class OutreachDemoData implements DemoContribution {

	private final OutreachProperties properties;

	private final DefaultOutreachService outreach;

	private final Municipalities municipalities;

	private final JdbcClient jdbc;

	private final Clock clock;

	@Override
	public String module() {
		return "outreach";
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach.shifts WHERE NOT synthetic)")
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean filled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach.shifts WHERE synthetic)").query(Boolean.class).single();
	}

	@Override
	public void fill(Demo demo) {
		LocalDate today = LocalDate.now(clock);
		var generator = new SyntheticOutreach(2021,
				municipalities.all().stream().collect(Collectors.toMap(Municipality::code, Municipality::population)),
				"demo");
		LocalDate historical = today.minusDays(properties.historicalAfter().toDays());
		demo.run("demo-mika", () -> {
			for (NewShift shift : generator.shifts(today.minusYears(3), today)) {
				outreach.store(shift, "demo-mika", shift.date().isBefore(historical), true);
			}
		});
	}

}
