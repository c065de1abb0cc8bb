package se.skyddsnat.outreach;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes shifts in the import format (test side), with a chosen delimiter and optional
 * BOM.
 */
final class OutreachCsv {

	private OutreachCsv() {
	}

	static byte[] shifts(List<NewShift> shifts, char d, boolean bom) {
		var sb = new StringBuilder(bom ? "\uFEFF" : "");
		sb.append(String.join(String.valueOf(d), ShiftParser.SHIFT_COLUMNS)).append("\r\n");
		for (NewShift s : shifts) {
			sb.append(join(d, s.ref(), s.date(), s.startTime(), s.endTime(), s.kind().code(),
					s.policeOperation() == null ? "" : s.policeOperation().code(), s.arena().code(),
					s.municipality().value(), s.units().stream().map(u -> u.value()).collect(Collectors.joining("|")),
					s.notes() == null ? "" : s.notes()))
				.append("\r\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] encounters(List<NewShift> shifts, char d, boolean bom) {
		var sb = new StringBuilder(bom ? "\uFEFF" : "");
		sb.append(String.join(String.valueOf(d), ShiftParser.ENCOUNTER_COLUMNS)).append("\n");
		for (NewShift s : shifts) {
			for (NewEncounter e : s.encounters()) {
				sb.append(join(d, s.ref(), e.role().code(), e.gender().code(), e.age() == null ? "" : e.age(),
						e.minor().code(), e.home().code(), e.supportOffered() ? "yes" : "no",
						e.offeredBy() == null ? "" : e.offeredBy().value(), e.accepted().code()))
					.append("\n");
			}
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String join(char d, Object... values) {
		return java.util.Arrays.stream(values)
			.map(v -> v == null ? "" : v.toString())
			.collect(Collectors.joining(String.valueOf(d)));
	}

}
