package se.skyddsnat.casework.journal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.web.CaseSection;

/**
 * The journal on the case page: the signed entries, and the user's draft in a form that
 * saves itself.
 */
@Component
@RequiredArgsConstructor
class JournalSection implements CaseSection {

	private final Journal journal;

	private final Clock clock;

	@Override
	public String template() {
		return "casework/journal";
	}

	@Override
	public String printFragment() {
		return "casework/case-print :: journal";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Object> model(CaseFile caseFile) {
		Journal.View view = journal.read(caseFile.id());
		var model = new HashMap<String, Object>();
		model.put("journal", view);
		model.put("journalForm",
				view.draft() == null ? JournalForm.empty(LocalDate.now(clock)) : JournalForm.of(view.draft()));
		model.put("journalDraft", view.draft());
		model.put("journalKinds", JournalKind.values());
		model.put("journalChannels", JournalChannel.values());
		model.put("journalStodcentrum", caseFile.kind() == CaseKind.STODCENTRUM_SUPPORT);
		return model;
	}

}
