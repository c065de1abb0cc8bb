package se.skyddsnat.region;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text each field of the regional offer takes: the form's maxlength, the
 * service's check, the column.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum RegionLimits implements TextLimit {

	AGREEMENT_NOTE(300, "region.agreements.note"), NOTICE_INFORMED_HOW(300, "region.notices.informed_how"),
	DIALOGUE_CONTACT(200, "region.dialogue_entries.contact"), DIALOGUE_OUTCOME(1000, "region.dialogue_entries.outcome"),
	MEETING_DECISIONS(4000, "region.meetings.decisions");

	private final int max;

	private final String column;

}
