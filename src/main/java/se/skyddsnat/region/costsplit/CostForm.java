package se.skyddsnat.region.costsplit;

import lombok.Getter;
import lombok.Setter;
import se.skyddsnat.shared.Input;

/**
 * The year's cost as typed: kronor ("4 000 000") and positions with a decimal comma or
 * point ("1,5").
 */
@Getter
@Setter
public class CostForm {

	private String total;

	private String mikaPositions;

	private String kastPositions;

	private String coordinatorPositions;

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
