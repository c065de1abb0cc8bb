package se.skyddsnat.outreach;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text a shift's fields take (the form, the API, the import and the columns
 * agree).
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum OutreachLimits implements TextLimit {

	SHIFT_REF(64, "outreach.shifts.ref"), SHIFT_NOTES(2000, "outreach.shifts.notes"),
	VOID_REASON(500, "outreach.shifts.void_reason");

	private final int max;

	private final String column;

}
