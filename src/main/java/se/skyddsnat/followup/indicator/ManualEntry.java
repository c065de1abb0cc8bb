package se.skyddsnat.followup.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.followup.FollowupLimits;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.Input;

/**
 * Entering the figure of a manual indicator for a period, with its source. ANALYST and
 * COORDINATOR.
 */
@Service
@RequiredArgsConstructor
class ManualEntry {

	private final ManualFigures figures;

	private final IndicatorCatalogue catalogue;

	private final Clock clock;

	@Transactional
	void enter(String indicator, String from, String to, String value, String source) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		Indicator i = catalogue.find(indicator).filter(Indicator::manual).orElseThrow();
		var in = Input.of(clock);
		LocalDate f = in.requiredDate("from", from, in.anyDate(), "followup.error.from");
		LocalDate t = in.requiredDate("to", to, in.anyDate(), "followup.error.to");
		if (f != null && t != null && t.isBefore(f)) {
			in.reject("to", "period.error.order");
		}
		Long v = in.whole("value", value, 0, 10_000_000, "followup.error.value");
		if (v == null && !in.failed("value")) {
			in.reject("value", "followup.error.value");
		}
		String s = in.required("source", source, FollowupLimits.MANUAL_SOURCE, "followup.error.source");
		in.check();
		figures.put(i.id(), f, t, v, s, user.username());
	}

	List<ManualFigures.Figure> figures(String indicator) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return figures.all(indicator);
	}

}
