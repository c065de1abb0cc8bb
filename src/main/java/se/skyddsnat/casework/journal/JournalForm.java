package se.skyddsnat.casework.journal;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;

/**
 * The journal form on the case page, as typed. {@code entryId}: the draft being edited
 * (empty until the first save); {@code action}: draft (save), sign or discard.
 * {@code closeRelationsViolence}: yes, no or empty.
 */
@Getter
@Setter
public class JournalForm {

	private Long entryId;

	private Long correctsId;

	private String date;

	private String kind;

	private String channel;

	private String minutes;

	private String note;

	private String satisfaction;

	private String closeRelationsViolence;

	private String action;

	static JournalForm empty(LocalDate today) {
		var form = new JournalForm();
		form.date = today.toString();
		return form;
	}

	static JournalForm of(JournalEntry draft) {
		var form = new JournalForm();
		form.entryId = draft.id();
		form.correctsId = draft.correctsId();
		form.date = draft.date() == null ? null : draft.date().toString();
		form.kind = draft.kind() == null ? null : draft.kind().code();
		form.channel = draft.channel() == null ? null : draft.channel().code();
		form.minutes = draft.minutes() == null ? null : draft.minutes().toString();
		form.note = draft.note();
		form.satisfaction = draft.satisfaction() == null ? null : draft.satisfaction().toString();
		form.closeRelationsViolence = draft.closeRelationsViolence() == null ? null
				: draft.closeRelationsViolence() ? "yes" : "no";
		return form;
	}

	/**
	 * Fills what the form did not send from the saved draft, so that the page shows the
	 * whole draft.
	 */
	void fillFrom(JournalEntry draft) {
		var saved = of(draft);
		entryId = saved.entryId;
		correctsId = saved.correctsId;
		date = date == null ? saved.date : date;
		kind = kind == null ? saved.kind : kind;
		channel = channel == null ? saved.channel : channel;
		minutes = minutes == null ? saved.minutes : minutes;
		note = note == null ? saved.note : note;
		satisfaction = satisfaction == null ? saved.satisfaction : satisfaction;
		closeRelationsViolence = closeRelationsViolence == null ? saved.closeRelationsViolence : closeRelationsViolence;
	}

	/** What was typed; fields the form did not send stay null (the draft keeps them). */
	JournalInput input() {
		return new JournalInput(date, kind, channel, minutes, note, satisfaction, closeRelationsViolence);
	}

}
