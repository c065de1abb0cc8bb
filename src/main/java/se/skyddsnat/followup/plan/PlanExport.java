package se.skyddsnat.followup.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import se.skyddsnat.followup.plan.PlanRecords.ActionPlan;
import se.skyddsnat.followup.plan.PlanRecords.FollowUp;
import se.skyddsnat.followup.plan.PlanRecords.Measure;
import se.skyddsnat.followup.plan.PlanRecords.Programme;

/**
 * The whole action plan as one sheet: a row per measure with its area, owner, period and
 * latest follow-up.
 */
final class PlanExport {

	private PlanExport() {
	}

	static byte[] xlsx(Programme programme, ActionPlan plan, List<Measure> measures,
			BiFunction<String, Object[], String> msg) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "Skyddsnat", "1.0");
			Worksheet sheet = workbook.newWorksheet(msg.apply("followup.plan.sheet", null));
			sheet.value(0, 0, plan == null ? msg.apply("followup.plan.none", null) : plan.name());
			sheet.style(0, 0).bold().fontSize(14).set();
			if (plan != null) {
				sheet.value(1, 0, msg.apply("followup.plan.decidedOn", new Object[] { plan.decidedOn().toString() }));
			}
			if (programme != null) {
				sheet.value(2, 0, msg.apply("followup.programme.line",
						new Object[] { programme.name(), programme.from().toString(), programme.to().toString() }));
			}
			int r = 4;
			String[] titles = { "followup.col.area", "followup.col.measure", "followup.col.owner",
					"followup.col.period", "followup.col.status", "followup.col.followedUp", "followup.col.account",
					"followup.col.evidence" };
			for (int c = 0; c < titles.length; c++) {
				sheet.value(r, c, msg.apply(titles[c], null));
				sheet.style(r, c).bold().wrapText(true).set();
			}
			for (Measure m : measures) {
				r++;
				FollowUp latest = m.latest();
				sheet.value(r, 0, msg.apply("followup.area." + m.area().code(), null));
				sheet.value(r, 1, m.text());
				sheet.value(r, 2, m.owner());
				sheet.value(r, 3, m.from() + " – " + m.to());
				sheet.value(r, 4, msg.apply("followup.status." + m.status().code(), null));
				if (latest != null) {
					sheet.value(r, 5, latest.from() + " – " + latest.to());
					sheet.value(r, 6, latest.account() == null ? "" : latest.account());
					sheet.value(r, 7,
							String.join(", ",
									latest.evidence()
										.stream()
										.map(i -> msg.apply("followup.indicator." + i + ".name", null))
										.toList()));
				}
			}
			sheet.width(0, 24);
			sheet.width(1, 60);
			sheet.width(2, 24);
			sheet.width(3, 24);
			sheet.width(4, 14);
			sheet.width(5, 24);
			sheet.width(6, 50);
			sheet.width(7, 40);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

}
