package se.skyddsnat.casework.journal;

import java.time.LocalDate;

/**
 * The journal form on the case page, as typed. {@code entryId}: the draft being edited (empty until the first save);
 * {@code action}: draft (save), sign or discard. {@code closeRelationsViolence}: yes, no or empty.
 */
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

    /** Fills what the form did not send from the saved draft, so that the page shows the whole draft. */
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

    public Long getEntryId() { return entryId; }
    public void setEntryId(Long v) { entryId = v; }
    public Long getCorrectsId() { return correctsId; }
    public void setCorrectsId(Long v) { correctsId = v; }
    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String v) { minutes = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public String getSatisfaction() { return satisfaction; }
    public void setSatisfaction(String v) { satisfaction = v; }
    public String getCloseRelationsViolence() { return closeRelationsViolence; }
    public void setCloseRelationsViolence(String v) { closeRelationsViolence = v; }
    public String getAction() { return action; }
    public void setAction(String v) { action = v; }
}
