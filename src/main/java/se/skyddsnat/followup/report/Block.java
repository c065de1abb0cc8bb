package se.skyddsnat.followup.report;

import java.util.List;

/**
 * One piece of a report: a heading, a paragraph, a note (a figure's definition and
 * period) or a table.
 */
public sealed interface Block {

	/** heading, paragraph, note or table: for templates. */
	default String kind() {
		return switch (this) {
			case Heading h -> "heading";
			case Paragraph p -> "paragraph";
			case Note n -> "note";
			case Table t -> "table";
		};
	}

	record Heading(int level, String text) implements Block {
	}

	record Paragraph(String text) implements Block {
	}

	record Note(String text) implements Block {
	}

	record Table(List<String> header, List<List<String>> rows) implements Block {
	}

}
