package se.skyddsnat.outreach;

import se.skyddsnat.shared.TextLimit;

/** The longest text a shift's fields take (the form, the API, the import and the columns agree). */
public enum OutreachLimits implements TextLimit {
    SHIFT_REF(64, "outreach.shifts.ref"),
    SHIFT_NOTES(2000, "outreach.shifts.notes"),
    VOID_REASON(500, "outreach.shifts.void_reason");

    private final int max;
    private final String column;

    OutreachLimits(int max, String column) {
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
