package se.skyddsnat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.audit.AuditReview.ChainProblem;
import se.skyddsnat.audit.AuditReview.CheckpointState;
import se.skyddsnat.audit.AuditReview.Subject;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The audit log and its keyed chain against the real database: what is written, that the
 * application cannot change it, and that someone who can (a database owner) is caught —
 * by the keyed MACs, by the verifier's memory and by the checkpoint outside the database.
 * Every tampering runs on {@link #ownerJdbc()} while the test holds the sealer's lock (so
 * nothing is linked onto a tampered chain), and is undone before the test ends.
 */
class AuditChainTest extends IntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	@Autowired
	AuditReview review;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	AuditKeys keys;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Test
	void shouldWriteRowsForLoginsFailedLoginsAndUserChanges() {
		String user = createUser("audited", List.of("CASEWORKER"), List.of("MIKA"));
		http().login(user, "fel-lösenord-här-nu");
		http().login(user, USER_PASSWORD);

		var kinds = jdbc.sql("SELECT kind FROM audit.audit_log WHERE actor = ? ORDER BY id")
			.param(user)
			.query(String.class)
			.list();
		assertThat(kinds).containsSubsequence("LOGIN_FAILED", "LOGIN");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = 'admin' AND kind = 'USER_CREATED' "
					+ "AND details LIKE ?")
			.param("username=" + user + ";%")
			.query(Long.class)
			.single()).isEqualTo(1);
		sealer.seal();
		var status = review.verifyChain();
		assertThat(status.intact()).isTrue();
		assertThat(linked("actor = '" + user + "'")).isEqualTo(kinds.size());
	}

	@Test
	void shouldWriteOneRowPerSearchNamingEveryHitAndFindItForEachPerson() {
		String user = createUser("searcher", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		String name = "Kedja-" + UUID.randomUUID().toString().substring(0, 6);
		var ids = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			ids.add(id(http()
				.json("POST", "/api/v1/people",
						"{\"alias\":\"" + name + i + "\",\"gender\":\"unknown\",\"unit\":\"MIKA\"}", token)
				.body()));
		}
		assertThat(http().json("POST", "/api/v1/people/search", "{\"q\":\"" + name + "\"}", token).body())
			.contains(name + "0", name + "1", name + "2");

		// one row for the search, naming all three hits
		var rows = jdbc
			.sql("SELECT subject_type, subject_id, array_to_string(subject_ids, ',') AS ids FROM audit.audit_log "
					+ "WHERE actor = ? AND purpose = 'search hit'")
			.param(user)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().get("subject_type")).isEqualTo("person");
		assertThat(rows.getFirst().get("subject_id")).isNull();
		assertThat(((String) rows.getFirst().get("ids")).split(",")).containsExactlyInAnyOrderElementsOf(ids);

		// "who saw person X": the same row, once for each person asked about, naming only
		// that person
		for (String person : ids) {
			var entries = review
				.aboutSubjects(new AuditReview.SubjectQuery(List.of(Subject.of(AuditSubject.PERSON, person)), user,
						null, null), 0, 50)
				.entries();
			assertThat(entries).filteredOn(e -> "search hit".equals(e.purpose()))
				.singleElement()
				.satisfies(e -> assertThat(e.subjectId()).isEqualTo(person));
		}
		var two = review.aboutSubjects(new AuditReview.SubjectQuery(
				List.of(Subject.of(AuditSubject.PERSON, ids.get(0)), Subject.of(AuditSubject.PERSON, ids.get(2))), user,
				null, null), 0, 50);
		assertThat(two.entries()).filteredOn(e -> "search hit".equals(e.purpose()))
			.extracting(AuditEntry::subjectId)
			.containsExactlyInAnyOrder(ids.get(0), ids.get(2));

		// the access-log page names the hits; the row is sealed like any other
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		// issue 11: one line for the search ("sökträff, 3 personer"), the records behind
		// it as the reader may see them
		assertThat(admin.get("/admin/audit?actor=" + user + "&kind=READ").body()).contains("sökträff, 3 personer")
			.contains(String.join(", ", ids.stream().map(id -> "Person " + id).toList()));
		sealer.seal();
		assertThat(review.verifyChain().intact()).isTrue();
		assertThat(linked("actor = '" + user + "' AND purpose = 'search hit'")).isEqualTo(1);
	}

	@Test
	void shouldRefuseUpdatesAndDeletesFromTheApplication() {
		http().login("nobody-here", "whatever-whatever");
		sealer.seal();

		// the application's role has no right to change either table at all
		String link = "entry_id IN (SELECT id FROM audit.audit_log WHERE actor = 'nobody-here')";
		for (String sql : List.of("UPDATE audit.audit_log SET actor = 'x' WHERE actor = 'nobody-here'",
				"DELETE FROM audit.audit_log WHERE actor = 'nobody-here'",
				"UPDATE audit.chain SET mac = prev_mac WHERE " + link, "DELETE FROM audit.chain WHERE " + link)) {
			assertThatThrownBy(() -> jdbc.sql(sql).update()).rootCause().hasMessageContaining("permission denied");
			// and the trigger refuses it even to the owner of the tables
			assertThatThrownBy(() -> ownerJdbc().sql(sql).update()).hasMessageContaining("append-only");
		}
	}

	@Test
	void shouldDetectARowEditedDirectlyInSql() {
		http().login("tamper-edit", "whatever-whatever");
		long id = jdbc.sql("SELECT max(id) FROM audit.audit_log WHERE actor = 'tamper-edit'")
			.query(Long.class)
			.single();
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		assertThat(review.verifyChain().intact()).isTrue();

		try (var held = holdSealer()) {
			asOwner("audit_log", "UPDATE audit.audit_log SET details = 'nothing happened' WHERE id = " + id);
			try {
				var status = verifier.verifyFully();
				assertThat(status.intact()).isFalse();
				assertThat(status.problem()).isEqualTo(ChainProblem.ALTERED);
				assertThat(status.firstBrokenId()).isEqualTo(id);
				assertThat(admin.get("/admin/audit/chain").body()).contains("kedja är bruten vid rad " + id + " ");
			}
			finally {
				asOwner("audit_log",
						"UPDATE audit.audit_log SET details = 'channel=form; unknown user' WHERE id = " + id);
			}
		}
		assertThat(verifier.verifyFully().intact()).isTrue();
	}

	@Test
	void shouldDetectARowRewrittenWithARecomputedPlainSha256Chain() {
		// the attack that passed before: rewrite a row and recompute the unkeyed chain
		// from there on
		shouldDetectARewriteWithRecomputedMacs("tamper-sha", (input, prev) -> sha256(input));
	}

	@Test
	void shouldDetectARowRewrittenWithItsMacRecomputedWithoutTheKey() {
		// an HMAC like the sealer's, over exactly the right bytes, with the right key id,
		// but not the key
		byte[] guessed = new byte[32];
		new java.security.SecureRandom().nextBytes(guessed);
		shouldDetectARewriteWithRecomputedMacs("tamper-hmac", (input, prev) -> hmac(guessed, input));
	}

	private void shouldDetectARewriteWithRecomputedMacs(String actor, BiFunction<byte[], String, String> forge) {
		http().login(actor, "whatever-whatever");
		long id = jdbc.sql("SELECT max(id) FROM audit.audit_log WHERE actor = ?")
			.param(actor)
			.query(Long.class)
			.single();
		http().login(actor + "-after", "whatever-whatever");
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		checkpoints.write();
		assertThat(review.verifyChain().intact()).isTrue();
		assertThat(review.verifyChain().checkpointState()).isEqualTo(CheckpointState.AGREES);

		try (var held = holdSealer()) {
			long position = jdbc.sql("SELECT position FROM audit.chain WHERE entry_id = ?")
				.param(id)
				.query(Long.class)
				.single();
			var original = jdbc
				.sql("SELECT position, prev_mac, mac FROM audit.chain WHERE position >= ? ORDER BY position")
				.param(position)
				.query()
				.listOfRows();
			asOwner("audit_log", "UPDATE audit.audit_log SET details = 'nothing happened' WHERE id = " + id);
			try {
				// the attacker recomputes every link from the rewritten row to the head,
				// as the sealer would
				String prev = (String) original.getFirst().get("prev_mac");
				var forged = new ArrayList<String[]>();
				for (var link : original) {
					long at = (Long) link.get("position");
					AuditEntry e = jdbc
						.sql("SELECT a.* FROM audit.audit_log a JOIN audit.chain c ON c.entry_id = a.id "
								+ "WHERE c.position = ?")
						.param(at)
						.query((rs, n) -> JdbcAuditLog.entry(rs))
						.single();
					String mac = forge.apply(ChainMac.linkInput(keys.current().id(), at, e, prev), prev);
					forged.add(new String[] { Long.toString(at), prev, mac });
					prev = mac;
				}
				for (String[] f : forged) {
					asOwner("chain", "UPDATE audit.chain SET prev_mac = '" + f[1] + "', mac = '" + f[2]
							+ "' WHERE position = " + f[0]);
				}

				// the running verifier: the link it verified last is no longer what it
				// was
				var incremental = review.verifyChain();
				assertThat(incremental.intact()).isFalse();
				assertThat(incremental.problem()).isEqualTo(ChainProblem.VERIFIED_LINK_CHANGED);
				// the checkpoint outside the database: the head it anchored is different
				// now
				assertThat(incremental.checkpointState()).isEqualTo(CheckpointState.DISAGREES);
				// a full walk: the first recomputed MAC does not verify with the key
				var full = verifier.verifyFully();
				assertThat(full.problem()).isEqualTo(ChainProblem.ALTERED);
				assertThat(full.firstBrokenId()).isEqualTo(id);
				assertThat(full.firstBrokenPosition()).isEqualTo(position);
				assertThat(admin.get("/admin/audit/chain").body()).contains("kedja är bruten vid rad " + id + " ")
					.contains("databasen stämmer inte med den");
			}
			finally {
				for (var link : original) {
					asOwner("chain", "UPDATE audit.chain SET prev_mac = '" + link.get("prev_mac") + "', mac = '"
							+ link.get("mac") + "' WHERE position = " + link.get("position"));
				}
				asOwner("audit_log",
						"UPDATE audit.audit_log SET details = 'channel=form; unknown user' WHERE id = " + id);
			}
		}
		var restored = verifier.verifyFully();
		assertThat(restored.intact()).isTrue();
		assertThat(restored.checkpointState()).isEqualTo(CheckpointState.AGREES);
	}

	@Test
	void shouldDetectTheNewestRowsDeletedAgainstTheCheckpoint() {
		for (int i = 0; i < 3; i++) {
			http().login("tamper-delete-" + i, "whatever-whatever");
		}
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		var written = checkpoints.write().orElseThrow();
		assertThat(review.verifyChain().intact()).isTrue();

		try (var held = holdSealer()) {
			var links = jdbc.sql("SELECT * FROM audit.chain WHERE position > ? ORDER BY position")
				.param(written.position() - 3)
				.query()
				.listOfRows();
			var entries = jdbc
				.sql("SELECT * FROM audit.audit_log WHERE id IN (SELECT entry_id FROM audit.chain "
						+ "WHERE position > ?) ORDER BY id")
				.param(written.position() - 3)
				.query()
				.listOfRows();
			assertThat(links).hasSize(3);
			asOwner("chain", "DELETE FROM audit.chain WHERE position > " + (written.position() - 3));
			asOwner("audit_log", "DELETE FROM audit.audit_log WHERE id IN ("
					+ String.join(",", entries.stream().map(e -> e.get("id").toString()).toList()) + ")");
			try {
				// what is left is a consistent chain: only the checkpoint shows what is
				// missing
				var afterRestart = new ChainVerifier(dataSource, transactions, keys, checkpoints, sealer, clock)
					.check();
				assertThat(afterRestart.problem()).isNull();
				assertThat(afterRestart.sealed()).isEqualTo(written.position() - 3);
				assertThat(afterRestart.checkpointState()).isEqualTo(CheckpointState.DISAGREES);
				assertThat(afterRestart.intact()).isFalse();
				assertThat(afterRestart.checkpoint().position()).isEqualTo(written.position());
				// the running node also misses the link it had verified
				var running = review.verifyChain();
				assertThat(running.problem()).isEqualTo(ChainProblem.VERIFIED_LINK_CHANGED);
				assertThat(admin.get("/admin/audit/chain").body())
					.contains("databasen stämmer inte med den senaste kontrollpunkten")
					.contains("position " + written.position() + " (rad " + written.entryId() + ")");
			}
			finally {
				for (var e : entries) {
					restore("audit_log", e);
				}
				for (var l : links) {
					restore("chain", l);
				}
			}
		}
		var restored = verifier.verifyFully();
		assertThat(restored.intact()).isTrue();
		assertThat(restored.checkpointState()).isEqualTo(CheckpointState.AGREES);
	}

	@Test
	void shouldNotLetANewerCheckpointHideADisagreement() throws Exception {
		http().login("checkpoint-guard", "whatever-whatever");
		checkpoints.write();
		byte[] before = Files.readAllBytes(checkpoints.file());
		var head = sealer.head().orElseThrow();
		// a validly signed checkpoint that the database does not match (as after rows
		// were removed)
		var claim = new AuditReview.Checkpoint(head.position(), head.entryId(), "ab".repeat(32), clock.instant(),
				keys.current().id());
		String text = Checkpoints.text(claim);
		Files.writeString(checkpoints.file(),
				text + " sig=" + ChainMac.checkpoint(AuditKeys.mac(keys.current()), text) + "\n",
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		try {
			http().login("checkpoint-guard-after", "whatever-whatever");
			assertThat(checkpoints.write()).isEmpty();
			assertThat(review.verifyChain().checkpointState()).isEqualTo(CheckpointState.DISAGREES);

			// a line not signed with the key is reported as such, and nothing is appended
			// after it either
			Files.writeString(checkpoints.file(), text + " sig=" + "cd".repeat(32) + "\n", StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.APPEND);
			assertThat(checkpoints.write()).isEmpty();
			var status = review.verifyChain();
			assertThat(status.checkpointState()).isEqualTo(CheckpointState.INVALID);
			assertThat(status.intact()).isFalse();
		}
		finally {
			Files.write(checkpoints.file(), before);
		}
		assertThat(checkpoints.write()).isPresent();
		assertThat(review.verifyChain().checkpointState()).isEqualTo(CheckpointState.AGREES);
	}

	@Test
	void shouldWriteCheckpointsAsSignedLinesInTheDataDirectory() throws Exception {
		http().login("checkpoint-line", "whatever-whatever");
		var written = checkpoints.write().orElseThrow();
		var head = sealer.head().orElseThrow();

		assertThat(written.position()).isEqualTo(head.position());
		assertThat(written.mac()).isEqualTo(head.mac());
		String last = Files.readAllLines(checkpoints.file()).getLast();
		assertThat(last)
			.startsWith("v1 position=" + head.position() + " entry=" + head.entryId() + " mac=" + head.mac())
			.contains(" key=" + keys.current().id() + " sig=");
		assertThat(checkpoints.write()).as("nothing new: no new line").isEmpty();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoints.file())))
			.isEqualTo("rw-------");
		var status = review.verifyChain();
		assertThat(status.checkpoint()).isEqualTo(written);
		assertThat(status.checkpointState()).isEqualTo(CheckpointState.AGREES);
	}

	@Test
	void shouldReportAnUnsealedRowAsPendingAndThenSealIt() {
		String actor = "pending-" + UUID.randomUUID().toString().substring(0, 8);
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		try (var held = holdSealer()) {
			http().login(actor, "whatever-whatever");
			assertThat(sealer.seal()).as("another node has the sealer's turn").isEqualTo(-1);

			var status = review.verifyChain();
			assertThat(status.pending()).isGreaterThanOrEqualTo(1);
			assertThat(status.problem()).isNull();
			assertThat(status.intact()).as("pending is not broken").isTrue();
			assertThat(linked("actor = '" + actor + "'")).isZero();
			assertThat(admin.get("/admin/audit/chain").body()).contains("Loggens kedja är obruten")
				.contains("ännu inte förseglade")
				.doesNotContain("bruten vid");
		}
		sealer.seal(); // (or the background round already did, now that the turn is free)
		assertThat(linked("actor = '" + actor + "'")).isEqualTo(1);
		var status = review.verifyChain();
		assertThat(status.pending()).isZero();
		assertThat(status.intact()).isTrue();
	}

	@Test
	void shouldChainRowsInTheOrderTheyCommitNotInTheOrderOfTheirIds() throws Exception {
		String late = "late-" + UUID.randomUUID().toString().substring(0, 8);
		String early = "early-" + UUID.randomUUID().toString().substring(0, 8);
		var written = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var tx = new TransactionTemplate(transactions);
		try (var pool = Executors.newSingleThreadExecutor()) {
			Future<?> slow = pool.submit(() -> tx.executeWithoutResult(s -> {
				auditLog.record(AuditEvent.of(AuditKind.LOGIN_FAILED).actor(late));
				written.countDown();
				await(commit);
			}));
			assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
			auditLog.record(AuditEvent.of(AuditKind.LOGIN_FAILED).actor(early));
			sealer.seal();
			assertThat(linked("actor = '" + early + "'")).isEqualTo(1);
			assertThat(linked("actor = '" + late + "'")).isZero();

			commit.countDown();
			slow.get(10, TimeUnit.SECONDS);
		}
		sealer.seal();
		long lateId = jdbc.sql("SELECT id FROM audit.audit_log WHERE actor = ?").param(late).query(Long.class).single();
		long earlyId = jdbc.sql("SELECT id FROM audit.audit_log WHERE actor = ?")
			.param(early)
			.query(Long.class)
			.single();
		assertThat(lateId).isLessThan(earlyId);
		assertThat(position(lateId)).as("linked when it committed, after the row with the higher id")
			.isGreaterThan(position(earlyId));
		assertThat(verifier.verifyFully().intact()).isTrue();
	}

	@Test
	void shouldGiveOneGaplessChainUnderConcurrentRequests() throws Exception {
		String prefix = "conc-" + UUID.randomUUID().toString().substring(0, 8);
		int threads = 20;
		int each = 8;
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(threads)) {
			var done = new ArrayList<Future<?>>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					await(start);
					var client = http();
					for (int i = 0; i < each; i++) {
						client.login(prefix + "-" + thread + "-" + i, "whatever-whatever");
					}
				}));
			}
			start.countDown();
			for (var f : done) {
				f.get(120, TimeUnit.SECONDS);
			}
		}
		sealer.seal();

		String mine = "actor LIKE '" + prefix + "-%'";
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE " + mine).query(Long.class).single())
			.isEqualTo(threads * each);
		assertThat(linked(mine)).isEqualTo(threads * each);
		var chain = jdbc
			.sql("SELECT count(*) AS n, count(DISTINCT entry_id) AS entries, min(position) AS first, "
					+ "max(position) AS last FROM audit.chain")
			.query()
			.singleRow();
		assertThat(chain.get("first")).isEqualTo(1L);
		assertThat(chain.get("last")).as("no gap").isEqualTo(chain.get("n"));
		assertThat(chain.get("entries")).as("each row once").isEqualTo(chain.get("n"));
		var status = verifier.verifyFully();
		assertThat(status.intact()).isTrue();
		assertThat(status.pending()).isZero();
		assertThat(status.verifiedThrough()).isEqualTo(status.sealed());
	}

	@Test
	void shouldSealABacklogLargerThanOneRoundInCommitOrder() {
		String actor = "backlog-" + UUID.randomUUID().toString().substring(0, 8);
		int rows = AuditSealer.BATCH * 2 + 123;
		// e.g. after the sealer could not run for a while: more rows than one round links
		jdbc.sql("INSERT INTO audit.audit_log (occurred_at, actor, kind) SELECT now(), ?, 'LOGIN_FAILED' "
				+ "FROM generate_series(1, ?)")
			.params(actor, rows)
			.update();
		sealer.seal();

		assertThat(linked("actor = '" + actor + "'")).isEqualTo(rows);
		var chain = jdbc.sql("SELECT count(*) AS n, max(position) AS last FROM audit.chain").query().singleRow();
		assertThat(chain.get("last")).isEqualTo(chain.get("n"));
		var status = verifier.verifyFully();
		assertThat(status.intact()).isTrue();
		assertThat(status.pending()).isZero();
	}

	@Test
	void shouldReportARowInsertedPastTheSealer() {
		sealer.seal();
		String actor = "stray-" + UUID.randomUUID().toString().substring(0, 8);
		// the application's role may INSERT; setting an old transaction id hides the row
		// from the sealer
		jdbc.sql("INSERT INTO audit.audit_log (occurred_at, actor, kind, txid) VALUES (now(), ?, 'READ', '1')")
			.param(actor)
			.update();
		try {
			var status = verifier.verifyFully();
			assertThat(status.unlinked()).isEqualTo(1);
			assertThat(status.intact()).isFalse();
			var admin = http();
			admin.login(ADMIN, ADMIN_PASSWORD);
			assertThat(admin.get("/admin/audit/chain").body()).contains("förbi Skyddsnät");
		}
		finally {
			asOwner("audit_log", "DELETE FROM audit.audit_log WHERE actor = '" + actor + "'");
		}
		assertThat(verifier.verifyFully().intact()).isTrue();
	}

	@Test
	void shouldCreateTheKeyFileWithOwnerOnlyPermissions() throws Exception {
		var file = keys.keyFile();
		assertThat(file).isNotNull().exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
		assertThat(key).hasSize(32);
		assertThat(keys.current().id()).isEqualTo(AuditKeys.id(key));
		assertThat(jdbc.sql("SELECT DISTINCT key_id FROM audit.chain").query(String.class).list())
			.containsExactly(keys.current().id());
	}

	@Test
	void shouldVerifyTheWholeChainOnAnAdministratorsRequestAndAuditIt() {
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/audit");
		var answer = admin.post("/admin/audit/chain/verify", Map.of());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(Http.location(answer)).endsWith("/admin/audit");
		assertThat(admin.get("/admin/audit/chain").body()).contains("Loggens kedja är obruten")
			.contains("kontrollerad från första raden 20");
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = 'admin' AND kind = 'CHAIN_VERIFIED' "
					+ "ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).startsWith("full verification: no break in ");

		var caseworker = http();
		caseworker.login(createUser("no-verify", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		caseworker.get("/");
		assertThat(caseworker.post("/admin/audit/chain/verify", Map.of()).statusCode()).isEqualTo(403);
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
		assertThat(all.body()).contains("Åtkomstlogg")
			.contains(user)
			.contains("Misslyckad inloggning")
			.contains("Kontrollera hela kedjan");
		assertThat(tbody(failedOnly.body())).contains("Misslyckad inloggning").doesNotContain(">Inloggning<");
		assertThat(countRows(failedOnly.body())).isEqualTo(1);
		assertThat(tomorrowOn.body()).contains("Inga händelser matchar filtret.");
		assertThat(admin.get("/admin/audit/chain").body()).contains("Loggens kedja är obruten")
			.contains("Senaste kontrollpunkt");
	}

	private long linked(String where) {
		return jdbc
			.sql("SELECT count(*) FROM audit.chain c JOIN audit.audit_log a ON a.id = c.entry_id WHERE a." + where)
			.query(Long.class)
			.single();
	}

	private long position(long entryId) {
		return jdbc.sql("SELECT position FROM audit.chain WHERE entry_id = ?")
			.param(entryId)
			.query(Long.class)
			.single();
	}

	private static String id(String body) {
		Matcher m = ID.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private static int countRows(String html) {
		return tbody(html).split("<tr").length - 1;
	}

	private static String tbody(String html) {
		return html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
	}

	/**
	 * Someone who can disable the append-only trigger (the schema's owner, a superuser)
	 * changing a table.
	 */
	private void asOwner(String table, String sql) {
		ownerJdbc().sql("ALTER TABLE audit." + table + " DISABLE TRIGGER USER").update();
		try {
			ownerJdbc().sql(sql).update();
		}
		finally {
			ownerJdbc().sql("ALTER TABLE audit." + table + " ENABLE TRIGGER USER").update();
		}
	}

	/** Puts a deleted row back as it was (every column). */
	private void restore(String table, Map<String, Object> row) {
		var columns = new ArrayList<>(row.keySet());
		String sql = "INSERT INTO audit." + table + " SELECT * FROM json_populate_record(null::audit." + table
				+ ", ?::json)";
		var json = new StringBuilder("{");
		for (String c : columns) {
			Object v = row.get(c);
			json.append(json.length() > 1 ? "," : "").append('"').append(c).append("\":").append(jsonValue(v));
		}
		json.append('}');
		ownerJdbc().sql(sql).param(json.toString()).update();
	}

	private static String jsonValue(Object v) {
		if (v == null) {
			return "null";
		}
		if (v instanceof Number) {
			return v.toString();
		}
		if (v instanceof java.sql.Array a) {
			try {
				var items = (Object[]) a.getArray();
				var sb = new StringBuilder("[");
				for (Object item : items) {
					sb.append(sb.length() > 1 ? "," : "").append(jsonValue(item));
				}
				return sb.append(']').toString();
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		}
		String s = v instanceof java.sql.Timestamp t ? t.toInstant().toString() : v.toString();
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private interface Held extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * The test takes the sealer's turn, as another node would: nothing is linked until it
	 * lets go.
	 */
	private Held holdSealer() {
		try {
			var connection = dataSource.getConnection();
			try (var st = connection.createStatement()) {
				st.execute("SELECT pg_advisory_lock(" + AuditSealer.LOCK + ")");
			}
			return () -> {
				try (connection; var st = connection.createStatement()) {
					st.execute("SELECT pg_advisory_unlock(" + AuditSealer.LOCK + ")");
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			};
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String sha256(byte[] input) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hmac(byte[] key, byte[] input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(input));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
