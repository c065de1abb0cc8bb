package se.skyddsnat.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseOutcome;
import se.skyddsnat.casework.CaseRole;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * The case page's model: the case, and every {@link CaseSection}'s part. Used for the
 * page itself and again when a section's form was refused (the journal's, Stödcentrum's
 * choice): what the user typed and its errors are already in the model and are kept.
 */
@Component
public class CasePage {

	private final Cases cases;

	private final List<CaseSection> sections;

	private final Clock clock;

	CasePage(Cases cases, ObjectProvider<CaseSection> sections, Clock clock) {
		this.cases = cases;
		this.sections = sections.stream().sorted(Comparator.comparingInt(CaseSection::order)).toList();
		this.clock = clock;
	}

	public String render(long caseId, Model model) {
		return render(cases.find(caseId, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound), model);
	}

	/**
	 * The case's print view: the same sections' print fragments (signed journal in order,
	 * referrals), under the secrecy header with the reader's name and the time on every
	 * page.
	 */
	public String print(CaseFile caseFile, boolean revealed, Model model) {
		model.addAttribute("caseFile", caseFile);
		model.addAttribute("revealed", revealed);
		model.addAttribute("printedAt", java.time.Instant.now(clock));
		model.addAttribute("reader", CurrentUser.require());
		var shown = new ArrayList<String>();
		for (CaseSection section : sections) {
			if (section.printFragment() == null || (caseFile.handoverOnly() && section.caseRecords())) {
				continue;
			}
			section.model(caseFile).forEach((key, value) -> {
				if (!model.containsAttribute(key)) {
					model.addAttribute(key, value);
				}
			});
			shown.add(section.printFragment());
		}
		model.addAttribute("printSections", shown);
		return "casework/case-print";
	}

	public String render(CaseFile caseFile, Model model) {
		model.addAttribute("caseFile", caseFile);
		model.addAttribute("ownUnit", CurrentUser.require().belongsTo(caseFile.unit()));
		model.addAttribute("outcomes", CaseOutcome.forKind(caseFile.kind()));
		model.addAttribute("roles", CaseRole.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("stateChanges", caseFile.handoverOnly() ? List.of() : cases.changes(caseFile.id()));
		var shown = new ArrayList<String>();
		for (CaseSection section : sections) {
			if (caseFile.handoverOnly() && section.caseRecords()) {
				continue;
			}
			section.model(caseFile).forEach((key, value) -> {
				if (!model.containsAttribute(key)) {
					model.addAttribute(key, value);
				}
			});
			shown.add(section.template());
		}
		model.addAttribute("sections", shown);
		return "casework/case";
	}

}
