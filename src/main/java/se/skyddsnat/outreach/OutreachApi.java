package se.skyddsnat.outreach;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.Keyset;

/** Outreach for API clients: the same rules, access checks and audit as the UI. */
@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "outreach", description = "Shifts, encounters, statistics and the history import")
@RequiredArgsConstructor
class OutreachApi {

	/**
	 * A shift to record, with the import's field names. Each value is read as the import
	 * reads a cell, as text (a number or a string alike), so that a wrong one is named
	 * with the import's own message for its column.
	 */
	record ShiftBody(
			@Schema(types = "string", format = "date", description = "YYYY-MM-DD, not in the future") String date,
			@JsonProperty("start_time") @Schema(description = "HH:MM") String startTime,
			@JsonProperty("end_time") @Schema(description = "HH:MM") String endTime, @Schema(allowableValues = {
					"joint", "own" }) String kind,
			@JsonProperty("police_operation") @Schema(allowableValues = { "surveillance", "raid" },
					description = "required for joint shifts, empty for own") String policeOperation,
			@Schema(allowableValues = { "street", "apartment", "hotel", "sex_club", "online", "other" }) String arena,
			@Schema(description = "four-digit SCB code where the shift took place",
					example = "0180") String municipality,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @ArraySchema(
					schema = @Schema(description = "a unit code", example = "MIKA")) List<String> units,
			@Schema(description = "at most 2000 characters, never names") String notes, List<EncounterBody> encounters){

		/**
		 * A field by the import's column name, as the parser reads it: the units joined
		 * by '|' as in the import.
		 */
		String column(String name) {
			return switch (name) {
				case "date" -> date;
				case "start_time" -> startTime;
				case "end_time" -> endTime;
				case "kind" -> kind;
				case "police_operation" -> policeOperation;
				case "arena" -> arena;
				case "municipality" -> municipality;
				case "units" -> units == null ? null : String.join("|", units);
				case "notes" -> notes;
				default -> null;
			};
		}

		List<EncounterBody> people() {
			return encounters == null ? List.of() : encounters;
		}
	}

	/** One person met, with the import's field names and values. */
	record EncounterBody(@Schema(allowableValues = {
			"exposed", "buyer", "other" }) String role,
			@Schema(allowableValues = { "female", "male", "other", "unknown" }) String gender,
			@Schema(types = "integer", minimum = "0", maximum = "120",
					description = "whole years, optional") String age,
			@Schema(allowableValues = { "yes", "no", "unknown" }) String minor,
			@JsonProperty("home_municipality") @Schema(
					description = "a four-digit code, abroad or unknown") String homeMunicipality,
			@JsonProperty("support_offered") @JsonDeserialize(using = YesNo.class) @Schema(types = "boolean",
					description = "true or false (or yes or no, as in the import)") String supportOffered,
			@JsonProperty("offered_by") @Schema(
					description = "the unit code; required when support was offered") String offeredBy,
			@Schema(allowableValues = { "yes", "no", "unknown" }) String accepted){

		String column(String name) {
			return switch (name) {
				case "role" -> role;
				case "gender" -> gender;
				case "age" -> age;
				case "minor" -> minor;
				case "home_municipality" -> homeMunicipality;
				case "support_offered" -> supportOffered;
				case "offered_by" -> offeredBy;
				case "accepted" -> accepted;
				default -> null;
			};
		}
	}

	/**
	 * {@code support_offered} as the import's text: true and false are yes and no, any
	 * other value as it came.
	 */
	static final class YesNo extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			return switch (p.currentToken()) {
				case VALUE_TRUE -> "yes";
				case VALUE_FALSE -> "no";
				default -> ctxt.readValue(p, String.class);
			};
		}

	}

	/** The id of what was created. */
	record Created(long id) {
	}

	/**
	 * The statistics answer, its fields in the order the README's contract names them.
	 */
	record StatisticsJson(LocalDate from, LocalDate to, String kind, boolean suppressed, boolean withheld, Count shifts,
			Count jointShifts, Count ownShifts, PoliceOperationJson shiftsByPoliceOperation, Count encounters,
			Count exposed, Count exposedMinors, Count buyers, Count buyerMinors, Count other, Count otherMinors,
			Count offeredSupport, Count accepted, List<HomeJson> byHomeMunicipality, List<ArenaJson> byArena,
			List<WeekJson> jointShiftsPerWeek, int weeklyTarget) {

		static StatisticsJson of(StatisticsView s, ShiftKind kind, boolean suppress) {
			return new StatisticsJson(s.from(), s.to(), kind == null ? null : kind.code(), suppress, s.withheld(),
					s.shifts(), s.jointShifts(), s.ownShifts(), new PoliceOperationJson(s.surveillance(), s.raid()),
					s.encounters(), s.exposed(), s.exposedMinors(), s.buyers(), s.buyerMinors(), s.other(),
					s.otherMinors(), s.offeredSupport(), s.accepted(),
					s.byHomeMunicipality()
						.stream()
						.map(h -> new HomeJson(h.code(), h.name(), h.exposed(), h.buyers(), h.other()))
						.toList(),
					s.byArena().stream().map(a -> new ArenaJson(a.arena().code(), a.shifts(), a.encounters())).toList(),
					s.jointShiftsPerWeek().stream().map(w -> new WeekJson(w.weekStart(), w.jointShifts())).toList(),
					s.weeklyTarget());
		}
	}

	record PoliceOperationJson(Count surveillance, Count raid) {
	}

	/**
	 * A home municipality by code ({@code abroad} and {@code unknown} too), its name
	 * where it is one.
	 */
	record HomeJson(String code, String name, Count exposed, Count buyers, Count other) {
	}

	record ArenaJson(String arena, Count shifts, Count encounters) {
	}

	record WeekJson(LocalDate weekStart, Count jointShifts) {
	}

	private final DefaultOutreachService outreach;

	@PostMapping("/shifts")
	@Operation(summary = "Record a shift with the people met (CASEWORKER or MANAGER of one of its units)",
			description = "Fields as in the import format: date, start_time, end_time, kind, police_operation, arena, "
					+ "municipality, units (array of unit codes), notes, and encounters: [{role, gender, age, minor, "
					+ "home_municipality, support_offered, offered_by, accepted}]. Bad input: 400 problem+json naming "
					+ "each field, e.g. encounters[1].age. With an Idempotency-Key a repeat returns the first response.")
	ResponseEntity<Created> record(@RequestBody ShiftBody body, IdempotencyKey key) {
		NewShift shift = parse(body);
		return key.once("shift.record", body, () -> {
			long id = outreach.record(shift);
			return ResponseEntity.created(URI.create("/api/v1/outreach/shifts/" + id)).body(new Created(id));
		});
	}

	@GetMapping("/shifts/{id}")
	@Operation(summary = "A shift of one of the caller's units (404 for any other)")
	ShiftView shift(@PathVariable long id) {
		return outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Why a record is voided (makulerad): required, at most 500 characters. */
	record VoidBody(String reason) {
	}

	/** What a void answers: the voided record's id. */
	record Voided(long id) {
	}

	@PostMapping("/shifts/{id}/void")
	@Operation(summary = "Void (makulera) a shift recorded by mistake, with a reason (CASEWORKER or MANAGER of one of "
			+ "its units): it leaves the statistics and exports, stays visible (voidedAt, voidReason) to its units, "
			+ "and its open tasks and notices are closed as \"makulerad\". 404 for another unit's shift, 409 if voided.")
	Voided voidShift(@PathVariable long id, @RequestBody VoidBody body) {
		outreach.voidShift(id, body.reason());
		return new Voided(id);
	}

	@PostMapping("/encounters/{id}/void")
	@Operation(summary = "Void one encounter of a shift, with a reason; as for a shift")
	Voided voidEncounter(@PathVariable long id, @RequestBody VoidBody body) {
		outreach.voidEncounter(id, body.reason());
		return new Voided(id);
	}

	@GetMapping("/shifts")
	@Operation(summary = "The shifts of the caller's units (counts only), newest first, a page at a time (keyset)",
			description = "limit rows (default 50, at most 500). The next and the previous page are in the Link "
					+ "header (rel=\"next\", rel=\"prev\") and the next page's cursor in X-Next-Cursor: ask again "
					+ "with after=<cursor> (or before=<cursor>).")
	ResponseEntity<List<ShiftView.Summary>> shifts(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before) {
		return outreach.recent(Keyset.Request.of(after, before, limit)).answer("/api/v1/outreach/shifts", limit);
	}

	@GetMapping("/statistics")
	@Operation(summary = "Figures for a period (both dates inclusive); COORDINATOR, MANAGER, ANALYST",
			description = "Returns shifts, shiftsByPoliceOperation {surveillance, raid}, encounters, exposed, "
					+ "exposedMinors, buyers, buyerMinors, other, otherMinors, offeredSupport, accepted, "
					+ "byHomeMunicipality [{code, name, exposed, buyers, other}] with entries for 'abroad' and "
					+ "'unknown', byArena [{arena, shifts, encounters}], jointShiftsPerWeek [{weekStart, jointShifts}] "
					+ "and weeklyTarget. Exact counts; with suppress=true every count from 1 to 4 is the string \"<5\" "
					+ "(primary suppression) and every count that would let one be worked out from the others is the "
					+ "string \"x\" (secondary suppression; always 5 or more). All kinds of the same period hide the "
					+ "same cells. Where the marks alone would give a small count away, a few counts (even a 0) are the "
					+ "string \"..\" (any count); withheld is then true. weeklyTarget is never hidden.")
	StatisticsJson statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Parameter(description = "joint or own; both when absent") String kind,
			@RequestParam(defaultValue = "false") boolean suppress) {
		ShiftKind k = null;
		if (kind != null && !kind.isBlank()) {
			k = Codes.parse(ShiftKind.class, kind)
				.orElseThrow(() -> InvalidInput.of("kind", "outreach.error.oneOf", "joint, own", kind));
		}
		return StatisticsJson.of(outreach.publish(from, to, k, suppress).figures(), k, suppress);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import history: parts 'shifts' and 'encounters' (CSV, see README); all or nothing",
			description = "ADMIN, COORDINATOR or MANAGER. With dryRun=true nothing is written. Any invalid row: 400 "
					+ "problem+json with errors [{file, line, column, message}] and nothing written.")
	ImportResult importHistory(@RequestPart("shifts") MultipartFile shifts,
			@RequestPart("encounters") MultipartFile encounters, @RequestParam(defaultValue = "false") boolean dryRun) {
		return outreach.importHistory(ImportFile.of(shifts), ImportFile.of(encounters), dryRun, null);
	}

	/**
	 * The shift and its people through the import's parser; every problem at once, by
	 * JSON path.
	 */
	private NewShift parse(ShiftBody body) {
		var people = body.people()
			.stream()
			.map(p -> p == null ? (Function<String, String>) column -> null : (Function<String, String>) p::column)
			.toList();
		var shift = outreach.parser().shiftWithPeople(body::column, people);
		if (!shift.ok()) {
			throw new InvalidInput(shift.problems()
				.stream()
				.map(p -> new InvalidInput.Violation(p.column(), p.messageKey(), p.args()))
				.toList());
		}
		return shift.value();
	}

}
