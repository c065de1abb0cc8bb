package se.skyddsnat.region.consultation;

import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.DemoContribution;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * The consultations room's part of the demo: a regional coordinator's consultations with
 * municipalities over the last months, logged through {@link ConsultationService}. Real
 * data is a consultation logged by an account not the demo's.
 */
@Component
@Order(300)
@RequiredArgsConstructor
class ConsultationDemoData implements DemoContribution {

	private static final String[] MUNICIPALITIES = { "0127", "0126", "0184", "0136", "0182", "0127", "0186", "0138" };

	private final ConsultationService consultations;

	private final JdbcClient jdbc;

	@Override
	public String module() {
		return "region.consultation";
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM region.consultations WHERE recorded_by NOT LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean filled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM region.consultations WHERE recorded_by LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public void fill(Demo demo) {
		var channels = ConsultationChannel.values();
		var topics = ConsultationTopic.values();
		demo.run("demo-samordnare", () -> {
			for (int i = 0; i < MUNICIPALITIES.length; i++) {
				consultations.log(new NewConsultation(demo.today().minusDays(3 + 11L * i),
						MunicipalityCode.of(MUNICIPALITIES[i]), UnitCode.of("RK_VUXNA"), channels[i % channels.length],
						topics[i % topics.length], 20 + 10 * (i % 4)));
			}
		});
	}

}
