package se.skyddsnat.casework.stodcentrum;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.web.CaseSection;

/**
 * Stödcentrum on the case page: talks against the limit, the age warning, and — when due
 * — the choice of how the case goes on. Nothing for other kinds of case.
 */
@Component
@RequiredArgsConstructor
class StodcentrumSection implements CaseSection {

	private final Stodcentrum stodcentrum;

	private final Clock clock;

	@Override
	public String template() {
		return "casework/stodcentrum";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Object> model(CaseFile caseFile) {
		var model = new HashMap<String, Object>();
		if (caseFile.kind() != CaseKind.STODCENTRUM_SUPPORT) {
			model.put("stodcentrum", null);
			return model;
		}
		StodcentrumStatus status = stodcentrum.status(caseFile.id()).orElse(null);
		model.put("stodcentrum", status);
		if (status != null && status.choiceRequired()) {
			var form = new StodcentrumChoiceForm();
			form.setClosedOn(LocalDate.now(clock).toString());
			model.put("stodcentrumForm", form);
			model.put("stodcentrumChoices", StodcentrumChoice.values());
		}
		return model;
	}

}
