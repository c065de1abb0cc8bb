package se.skyddsnat.casework.trafficking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.casework.web.CaseSection;

/**
 * The trafficking track on the case page: open and first-class for a trafficking case,
 * folded away (unless something is recorded) for other kinds of case, which may use it
 * too.
 */
@Component
@RequiredArgsConstructor
class TraffickingTrackSection implements CaseSection {

	private final TraffickingTracks tracks;

	private final CaseworkProperties properties;

	private final Clock clock;

	@Override
	public String template() {
		return "casework/track";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String printFragment() {
		return "casework/case-print :: track";
	}

	@Override
	public Map<String, Object> model(CaseFile caseFile) {
		var model = new HashMap<String, Object>();
		model.put("track", tracks.find(caseFile.id()).orElseThrow(CaseAccess::notFound));
		model.put("trackToday", LocalDate.now(clock));
		model.put("trackReminderDays", properties.permitReminderDays());
		return model;
	}

}
