package se.skyddsnat.region.costsplit;

import se.skyddsnat.shared.Input;

/** The year's cost as typed: kronor ("4 000 000") and positions with a decimal comma or point ("1,5"). */
public class CostForm {
    private String total;
    private String mikaPositions;
    private String kastPositions;
    private String coordinatorPositions;

    public String getTotal() { return total; }
    public void setTotal(String v) { total = v; }
    public String getMikaPositions() { return mikaPositions; }
    public void setMikaPositions(String v) { mikaPositions = v; }
    public String getKastPositions() { return kastPositions; }
    public void setKastPositions(String v) { kastPositions = v; }
    public String getCoordinatorPositions() { return coordinatorPositions; }
    public void setCoordinatorPositions(String v) { coordinatorPositions = v; }

    YearCost yearCost() {
        return new YearCost(Input.readWhole(total), Input.readDecimal(mikaPositions), Input.readDecimal(kastPositions),
                Input.readDecimal(coordinatorPositions));
    }

    /** The form filled with what the year's table uses. */
    static CostForm of(se.skyddsnat.region.CostSplitTable table) {
        var form = new CostForm();
        form.setTotal(Long.toString(table.total()));
        form.setMikaPositions(table.mikaPositions().stripTrailingZeros().toPlainString());
        form.setKastPositions(table.kastPositions().stripTrailingZeros().toPlainString());
        form.setCoordinatorPositions(table.coordinatorPositions().stripTrailingZeros().toPlainString());
        return form;
    }
}
