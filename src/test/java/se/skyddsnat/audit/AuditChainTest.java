package se.skyddsnat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.IntegrationTest;

class AuditChainTest extends IntegrationTest {

    @Autowired
    AuditReview review;

    @Test
    void shouldWriteRowsForLoginsFailedLoginsAndUserChanges() {
        String user = createUser("audited", List.of("CASEWORKER"), List.of("MIKA"));
        http().login(user, "fel-lösenord-här-nu");
        http().login(user, USER_PASSWORD);

        var kinds = jdbc.sql("SELECT kind FROM audit.audit_log WHERE actor = ? ORDER BY id").param(user)
                .query(String.class).list();
        assertThat(kinds).containsSubsequence("LOGIN_FAILED", "LOGIN");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE actor = 'admin' AND kind = 'USER_CREATED' "
                + "AND details LIKE ?").param("username=" + user + ";%").query(Long.class).single()).isEqualTo(1);
        assertThat(review.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldChainEveryHitOfASearchWrittenInOneStatement() {
        String user = createUser("searcher", List.of("CASEWORKER"), List.of("MIKA"));
        String token = token(user, USER_PASSWORD);
        String name = "Kedja-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            http().json("POST", "/api/v1/people", "{\"alias\":\"" + name + i + "\",\"gender\":\"unknown\",\"unit\":\"MIKA\"}",
                    token);
        }
        assertThat(http().json("POST", "/api/v1/people/search", "{\"q\":\"" + name + "\"}", token).body()).contains(name + "0", name + "1", name + "2");

        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND purpose = 'search hit'").param(user)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(review.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldRefuseUpdatesAndDeletesFromTheApplication() {
        http().login("nobody-here", "whatever-whatever");

        // the application's role has no right to change the table at all
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_log SET actor = 'x' WHERE actor = 'nobody-here'").update())
                .rootCause().hasMessageContaining("permission denied for table audit_log");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_log WHERE actor = 'nobody-here'").update())
                .rootCause().hasMessageContaining("permission denied for table audit_log");
        // and the trigger refuses it even to the owner of the table
        assertThatThrownBy(() -> ownerJdbc().sql("UPDATE audit.audit_log SET actor = 'x' WHERE actor = 'nobody-here'")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> ownerJdbc().sql("DELETE FROM audit.audit_log WHERE actor = 'nobody-here'").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void shouldDetectARowEditedDirectlyInSql() {
        http().login("tamper-edit", "whatever-whatever");
        long id = jdbc.sql("SELECT max(id) FROM audit.audit_log WHERE actor = 'tamper-edit'").query(Long.class).single();
        http().login("after-edit", "whatever-whatever");
        assertThat(review.verifyChain().intact()).isTrue();

        asSuperuser("UPDATE audit.audit_log SET details = 'nothing happened' WHERE id = " + id);
        try {
            var status = review.verifyChain();
            assertThat(status.intact()).isFalse();
            assertThat(status.firstBrokenId()).isEqualTo(id);
            var admin = http();
            admin.login(ADMIN, ADMIN_PASSWORD);
            // the page formats the row number the Swedish way (1 066)
            assertThat(admin.get("/admin/audit/chain").body().replaceAll("[\\s\u00a0\u202f]", ""))
                    .contains("kedjaärbrutenvidrad" + id + ".");
        } finally {
            asSuperuser("UPDATE audit.audit_log SET details = 'channel=form; unknown user' WHERE id = " + id);
        }
        assertThat(review.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldDetectARowDeletedDirectlyInSql() {
        http().login("tamper-delete", "whatever-whatever");
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit.audit_log WHERE actor = 'tamper-delete'")
                .query().singleRow();
        http().login("after-delete", "whatever-whatever");
        long id = (Long) row.get("id");

        asSuperuser("DELETE FROM audit.audit_log WHERE id = " + id);
        try {
            var status = review.verifyChain();
            assertThat(status.intact()).isFalse();
            assertThat(status.firstBrokenId()).isGreaterThan(id);
        } finally {
            var owner = ownerJdbc();
            owner.sql("ALTER TABLE audit.audit_log DISABLE TRIGGER USER").update();
            owner.sql("INSERT INTO audit.audit_log SELECT * FROM json_populate_record(null::audit.audit_log, "
                    + "(SELECT to_json(r) FROM (SELECT :id::bigint AS id, :at::timestamptz AS occurred_at, :actor AS actor, "
                    + ":kind AS kind, :st AS subject_type, :sid AS subject_id, :purpose AS purpose, :details AS details, "
                    + ":client AS client, :prev AS prev_hash, :hash AS hash) r))")
                    .param("id", id).param("at", row.get("occurred_at")).param("actor", row.get("actor"))
                    .param("kind", row.get("kind")).param("st", row.get("subject_type"))
                    .param("sid", row.get("subject_id")).param("purpose", row.get("purpose"))
                    .param("details", row.get("details")).param("client", row.get("client"))
                    .param("prev", row.get("prev_hash")).param("hash", row.get("hash")).update();
            owner.sql("ALTER TABLE audit.audit_log ENABLE TRIGGER USER").update();
        }
        assertThat(review.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldShowAndFilterTheAccessLogForTheAdmin() {
        String user = createUser("filtered", List.of("ANALYST"), List.of());
        http().login(user, "fel-lösenord-för-filter");
        http().login(user, USER_PASSWORD);
        var admin = http();
        admin.login(ADMIN, ADMIN_PASSWORD);

        var all = admin.get("/admin/audit");
        var failedOnly = admin.get("/admin/audit?actor=" + user + "&kind=LOGIN_FAILED");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
        var tomorrowOn = admin.get("/admin/audit?actor=" + user + "&from=" + today.plusDays(1));

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("Åtkomstlogg").contains(user).contains("Misslyckad inloggning");
        assertThat(tbody(failedOnly.body())).contains("Misslyckad inloggning").doesNotContain(">Inloggning<");
        assertThat(countRows(failedOnly.body())).isEqualTo(1);
        assertThat(tomorrowOn.body()).contains("Inga händelser matchar filtret.");
        assertThat(admin.get("/admin/audit/chain").body()).contains("Loggens kedja är obruten");
    }

    private static int countRows(String html) {
        return tbody(html).split("<tr").length - 1;
    }

    private static String tbody(String html) {
        return html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    }

    /** A database superuser (or the owner, who can disable the trigger) tampering with the table. */
    private void asSuperuser(String sql) {
        var owner = ownerJdbc();
        owner.sql("ALTER TABLE audit.audit_log DISABLE TRIGGER USER").update();
        try {
            owner.sql(sql).update();
        } finally {
            owner.sql("ALTER TABLE audit.audit_log ENABLE TRIGGER USER").update();
        }
    }
}
