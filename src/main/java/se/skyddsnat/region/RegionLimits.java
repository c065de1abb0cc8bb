package se.skyddsnat.region;

import se.skyddsnat.shared.TextLimit;

/** The longest text each field of the regional offer takes: the form's maxlength, the service's check, the column. */
public enum RegionLimits implements TextLimit {
    AGREEMENT_NOTE(300, "region.agreements.note"),
    NOTICE_INFORMED_HOW(300, "region.notices.informed_how"),
    DIALOGUE_CONTACT(200, "region.dialogue_entries.contact"),
    DIALOGUE_OUTCOME(1000, "region.dialogue_entries.outcome"),
    MEETING_DECISIONS(4000, "region.meetings.decisions");

    private final int max;
    private final String column;

    RegionLimits(int max, String column) {
        this.max = max;
        this.column = column;
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public String column() {
        return column;
    }
}
