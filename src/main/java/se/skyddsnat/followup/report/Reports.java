package se.skyddsnat.followup.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;

/**
 * Generates the annual report (and a grant's final report) as DOCX or PDF and keeps a
 * record of each: who, when, the period, the format, the SHA-256 of the file and of its
 * text. ANALYST and COORDINATOR generate; MANAGER reads the record.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reports {

	public enum Format {

		PDF, DOCX;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A generated file with its record's id. */
	public record Generated(long id, String fileName, Format format, byte[] bytes, String sha256, String textHash) {
	}

	/** The record of a generated report. */
	public record Kept(long id, String kind, Long grantId, LocalDate from, LocalDate to, String format, String sha256,
			String textHash, String generatedBy, Instant generatedAt) {
	}

	private final ReportWriter writer;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	/** The report's text for a period, without keeping anything: the preview. */
	public ReportDocument annual(LocalDate from, LocalDate to) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return writer.annual(from, to);
	}

	public List<Block> policeSection(LocalDate from, LocalDate to) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return writer.policeSection(from, to);
	}

	@Transactional
	public Generated generateAnnual(LocalDate from, LocalDate to, Format format) {
		CurrentUser.require(Permission.EDIT_FOLLOWUP);
		se.skyddsnat.shared.DatePeriod.of(from, to);
		ReportDocument doc = writer.annual(from, to);
		return keep(doc, "annual", null, format, "uppfoljning-" + from + "-" + to);
	}

	@Transactional
	public Generated generateGrant(long grantId, String grantor, String purpose, long amount, LocalDate from,
			LocalDate to, Format format) {
		CurrentUser.require(Permission.EDIT_FOLLOWUP);
		ReportDocument doc = writer.grant(grantor, purpose, amount, from, to);
		return keep(doc, "grant", grantId, format, "slutrapport-bidrag-" + grantId);
	}

	public List<Kept> kept(int limit) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return jdbc.sql("SELECT * FROM followup.generated_reports ORDER BY generated_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Kept(rs.getLong("id"), rs.getString("kind"), (Long) rs.getObject("grant_id"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getString("format"), rs.getString("sha256"), rs.getString("figures_hash"),
					rs.getString("generated_by"), rs.getObject("generated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private Generated keep(ReportDocument doc, String kind, Long grantId, Format format, String name) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		byte[] bytes = format == Format.PDF ? ReportFiles.pdf(doc) : ReportFiles.docx(doc);
		String sha = ReportDocument.sha256(bytes);
		String textHash = doc.textHash();
		long id = jdbc.sql("""
				INSERT INTO followup.generated_reports
				       (kind, grant_id, period_from, period_to, format, suppressed, sha256, figures_hash, generated_by,
				        generated_at)
				VALUES (?, ?, ?, ?, ?, true, ?, ?, ?, ?) RETURNING id""")
			.params(kind, grantId, doc.from(), doc.to(), format.code(), sha, textHash, user.username(),
					OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.FOLLOWUP_REPORT, id)
			.purpose(ReadPurpose.EXPORT)
			.details("kind=" + kind + " format=" + format.code() + " period=" + doc.from() + ".." + doc.to()));
		return new Generated(id, name + "." + format.code(), format, bytes, sha, textHash);
	}

}
