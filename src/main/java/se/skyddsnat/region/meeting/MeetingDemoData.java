package se.skyddsnat.region.meeting;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.DemoContribution;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The meetings room's part of the demo: steering and preparation meetings of this year,
 * with the municipalities that took part and what was decided, recorded through
 * {@link Meetings}. Real data is a meeting recorded by an account not the demo's.
 */
@Component
@Order(310)
@RequiredArgsConstructor
class MeetingDemoData implements DemoContribution {

	private final Meetings meetings;

	private final JdbcClient jdbc;

	@Override
	public String module() {
		return "region.meeting";
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM region.meetings WHERE recorded_by NOT LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean filled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM region.meetings WHERE recorded_by LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public void fill(Demo demo) {
		var participants = List.of(MunicipalityCode.of("0180"), MunicipalityCode.of("0127"),
				MunicipalityCode.of("0184"));
		demo.run("demo-samordnare", () -> {
			meetings.record(new NewMeeting(demo.today().minusDays(40), MeetingKind.STEERING, participants,
					"Demo: verksamhetsplanen godkänd\nDemo: nästa möte i vår"));
			meetings.record(new NewMeeting(demo.today().minusDays(20), MeetingKind.PREPARATION, participants,
					"Demo: dagordning till styrgruppen"));
			meetings.record(new NewMeeting(demo.today().minusDays(6), MeetingKind.STEERING, participants,
					"Demo: kostnadsfördelningen för nästa år"));
		});
	}

}
