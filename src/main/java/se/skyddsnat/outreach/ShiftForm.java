package se.skyddsnat.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.Getter;
import lombok.Setter;

/**
 * The shift form as typed (strings), phone-first. {@link #value} exposes it by CSV column
 * name so that the form and the import go through the same {@link ShiftParser}.
 */
public class ShiftForm {

	/** Problems are named by CSV column; the form's property names differ for a few. */
	static final Map<String, String> SHIFT_FIELDS = Map.of("start_time", "startTime", "end_time", "endTime",
			"police_operation", "policeOperation");
	static final Map<String, String> ENCOUNTER_FIELDS = Map.of("home_municipality", "home", "support_offered",
			"supportOffered", "offered_by", "offeredBy");

	private String date;

	private String startTime;

	private String endTime;

	private String kind = "joint";

	private String policeOperation;

	private String arena;

	private String municipality = "0180";

	private List<String> units = new ArrayList<>();

	private String notes;

	private List<EncounterForm> encounters = new ArrayList<>();

	/**
	 * The form's field for a problem the parser names by column
	 * ({@code encounters[1].home_municipality}).
	 */
	static String field(String column) {
		int person = column.indexOf("].");
		if (person < 0) {
			return SHIFT_FIELDS.getOrDefault(column, column);
		}
		String rest = column.substring(person + 2);
		return column.substring(0, person + 2) + ENCOUNTER_FIELDS.getOrDefault(rest, rest);
	}

	String value(String column) {
		return switch (column) {
			case "date" -> date;
			case "start_time" -> startTime;
			case "end_time" -> endTime;
			case "kind" -> kind;
			case "police_operation" -> "own".equals(kind) ? "" : policeOperation;
			case "arena" -> arena;
			case "municipality" -> municipality;
			case "units" -> String.join("|", units);
			case "notes" -> notes;
			default -> null;
		};
	}

	@Getter
	@Setter
	public static class EncounterForm {

		private String role;

		private String gender;

		private String age;

		private String minor = "unknown";

		private String home = "unknown";

		private String supportOffered = "yes";

		private String offeredBy;

		private String accepted = "unknown";

		String value(String column) {
			return switch (column) {
				case "role" -> role;
				case "gender" -> gender;
				case "age" -> age;
				case "minor" -> derivedMinor();
				case "home_municipality" -> home;
				case "support_offered" -> supportOffered;
				case "offered_by" -> "no".equals(supportOffered) ? "" : offeredBy;
				case "accepted" -> accepted;
				default -> null;
			};
		}

		/**
		 * "Under 18" follows a typed age unless answered otherwise (the rules still
		 * refuse a contradiction).
		 */
		private String derivedMinor() {
			if (!"unknown".equals(minor) || age == null) {
				return minor;
			}
			Long years = se.skyddsnat.shared.Input.readWhole(age.strip());
			if (years == null || years < 0 || years > 120) {
				return minor;
			}
			return years < 18 ? "yes" : "no";
		}

		/**
		 * A new row like this one, for "same as the previous person": all but the age and
		 * "under 18".
		 */
		EncounterForm copy() {
			var row = new EncounterForm();
			row.role = role;
			row.gender = gender;
			row.home = home;
			row.supportOffered = supportOffered;
			row.offeredBy = offeredBy;
			row.accepted = accepted;
			return row;
		}

	}

	public String getDate() {
		return date;
	}

	public void setDate(String v) {
		date = v;
	}

	public String getStartTime() {
		return startTime;
	}

	public void setStartTime(String v) {
		startTime = v;
	}

	public String getEndTime() {
		return endTime;
	}

	public void setEndTime(String v) {
		endTime = v;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String v) {
		kind = v;
	}

	public String getPoliceOperation() {
		return policeOperation;
	}

	public void setPoliceOperation(String v) {
		policeOperation = v;
	}

	public String getArena() {
		return arena;
	}

	public void setArena(String v) {
		arena = v;
	}

	public String getMunicipality() {
		return municipality;
	}

	public void setMunicipality(String v) {
		municipality = v;
	}

	public List<String> getUnits() {
		return units;
	}

	public void setUnits(List<String> v) {
		units = v == null ? new ArrayList<>() : v;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String v) {
		notes = v;
	}

	public List<EncounterForm> getEncounters() {
		return encounters;
	}

	public void setEncounters(List<EncounterForm> v) {
		encounters = v == null ? new ArrayList<>() : v;
	}

}
