package se.skyddsnat.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * "Utkorg" on the embedded default, where no mail server is configured: what would have
 * been sent stays in the outbox and an administrator sees it — the list and each mail's
 * text, every read audited; nobody else does.
 */
class OutboxPageTest extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxSender sender;

	private final String to = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";

	@Test
	void withNoMailServerAnAdministratorSeesWhatWouldHaveBeenSentAndEveryReadIsAudited() {
		byte[] ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(UTF_8);
		long id = outbox.queue(OutgoingMail.to(to, "Din plats på utbildningen", "Hej Kim,\n\nvälkommen den 15 januari.")
			.withAttachment(new MailAttachment("kurs.ics", "text/calendar; charset=UTF-8", ics)));
		assertThat(sender.sendDue()).as("no mail server: the worker sends nothing").isZero();
		assertThat(jdbc.sql("SELECT state || ' ' || attempts FROM mail.outbox WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("pending 0");

		Http admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		var list = admin.get("/admin/outbox");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("<h1>Utkorg</h1>")
			.contains("Ingen e-postserver är inställd")
			.contains(to)
			.contains("Din plats på utbildningen")
			.contains("href=\"/admin/outbox/" + id + "\"")
			.contains("Väntar");
		assertThat(audited("list", id)).as("the list names every mail shown").isEqualTo(1);

		var message = admin.get("/admin/outbox/" + id);
		assertThat(message.statusCode()).isEqualTo(200);
		assertThat(message.body()).contains("Hej Kim,\n\nvälkommen den 15 januari.")
			.contains(to)
			.contains("kurs.ics")
			.contains("det här brevet skickas inte");
		assertThat(audited("message", id)).isEqualTo(1);

		var file = admin.download("/admin/outbox/" + id + "/attachments/0");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(ics);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("kurs.ics");
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		assertThat(audited("attachment", id)).isEqualTo(1);

		assertThat(admin.get("/admin/outbox?lang=en").body()).contains("<h1>Outbox</h1>")
			.contains("No mail server is configured")
			.contains("Waiting");
	}

	@Test
	void anyoneButAnAdministratorIsRefused() {
		long id = outbox.queue(OutgoingMail.to(to, "Hemligt", "Inte för andra."));
		for (var roles : List.of(List.of("CASEWORKER"), List.of("MANAGER"), List.of("COORDINATOR"),
				List.of("ANALYST"))) {
			Http user = http();
			user.login(createUser("outbox", roles, roles.contains("ANALYST") ? List.of() : List.of("MIKA")),
					USER_PASSWORD);
			for (String path : List.of("/admin/outbox", "/admin/outbox/" + id,
					"/admin/outbox/" + id + "/attachments/0")) {
				var answer = user.get(path);
				assertThat(answer.statusCode()).as(roles + " " + path).isEqualTo(403);
				assertThat(answer.body()).doesNotContain(to).doesNotContain("Inte för andra");
			}
		}
		var anonymous = http().get("/admin/outbox/" + id);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(Http.location(anonymous)).endsWith("/login");
		assertThat(audit().subject("outbox mail", id).count()).as("nothing was read").isZero();
	}

	@Test
	void anUnknownMailIsNotFoundAndBadParametersAreRefusedWithoutAnError() {
		Http admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/outbox/999999999").statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/outbox/999999999/attachments/0").statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/outbox/abc").statusCode()).isEqualTo(400);
		assertThat(admin.get("/admin/outbox/99999999999999999999999").statusCode()).isEqualTo(400);
		assertThat(admin.get("/admin/outbox?page=abc").statusCode()).isEqualTo(400);
		assertThat(admin.get("/admin/outbox?page=-5").statusCode()).isEqualTo(200);
		assertThat(admin.get("/admin/outbox?page=2147483647").statusCode()).isEqualTo(200);
	}

	private long audited(String what, long id) {
		String sql = switch (what) {
			case "list" -> "SELECT count(*) FROM audit.audit_log WHERE actor = 'admin' AND kind = 'READ' "
					+ "AND subject_type = 'outbox mail' AND ? = ANY (subject_ids) AND purpose = 'outbox'";
			case "message" -> "SELECT count(*) FROM audit.audit_log WHERE actor = 'admin' AND kind = 'READ' "
					+ "AND subject_type = 'outbox mail' AND subject_id = ? AND purpose = 'outbox'";
			default -> "SELECT count(*) FROM audit.audit_log WHERE actor = 'admin' AND kind = 'READ' "
					+ "AND subject_type = 'outbox mail' AND subject_id = ? AND purpose = 'outbox attachment'";
		};
		return jdbc.sql(sql).param(Long.toString(id)).query(Long.class).single();
	}

}
