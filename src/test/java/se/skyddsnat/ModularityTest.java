package se.skyddsnat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Groupings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The modules depend on each other only through their public APIs — the public types of a
 * module's base package — without cycles; a module's sub-packages (casework's rooms) are
 * internal to it. Writes the documentation, with each module's and room's description
 * from its {@code package-info.java}, to {@code target/spring-modulith-docs}.
 */
class ModularityTest {

	private static final Path DOCS = Path.of("target", "spring-modulith-docs");

	/**
	 * The Javadoc that spring-modulith-apt extracts at compile time, where the Documenter
	 * reads it too.
	 */
	private static final Path JAVADOC = Path.of("target", "generated-spring-modulith", "javadoc.json");

	private final ApplicationModules modules = ApplicationModules.of(SkyddsnatApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The check above is a real one: a use of another module's internal type, public in
	 * Java, is reported.
	 */
	@Test
	void reportsAModuleUsingAnotherModulesInternalType() {
		var fixture = ApplicationModules.of("fixture.modularity", location -> true);
		assertThat(fixture.getModuleByName("alpha")).isPresent();
		assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
			.hasMessageContaining("fixture.modularity.beta.Beta")
			.hasMessageContaining("fixture.modularity.alpha.internal.Hidden")
			.message()
			.doesNotContain("fixture.modularity.gamma.Gamma");
	}

	/**
	 * Case work's API is its front door — the services other modules may call and the
	 * records they answer — and nothing of its rooms: a type made public at the root is a
	 * decision, so it is made here too.
	 */
	@Test
	void caseworkExposesOnlyItsFrontDoor() {
		ApplicationModule casework = modules.getModuleByName("casework").orElseThrow();
		List<String> exposed = casework.getNamedInterfaces()
			.getUnnamedInterface()
			.asJavaClasses()
			.map(JavaClass::getName)
			.map(name -> name.substring("se.skyddsnat.casework.".length()))
			.sorted()
			.toList();
		assertThat(exposed).containsExactly("CaseFile", "CaseKind", "CaseOutcome", "CasePerson", "CaseRole",
				"CaseStateRefused", "Cases", "Cases$Closing", "Cases$EmergencyRequest", "Cases$ResponsibleChange",
				"Cases$Row", "Cases$StateChange", "NewCase", "NewCase$Member", "NewPerson", "People",
				"People$PossibleDuplicates", "Person", "PersonChange", "PersonEdit", "PersonEditStale", "Protection",
				"Reminder", "ReminderSource", "Reminders", "StodcentrumFigures", "StodcentrumFigures$Period", "Task",
				"TaskAlreadyDone", "TaskKind", "Tasks", "Tasks$Done");
		assertThat(casework.getBasePackage().getDirectSubPackages()).extracting(p -> p.getLocalName())
			.containsExactlyInAnyOrder("core", "extract", "journal", "referral", "retention", "review", "stodcentrum",
					"trafficking", "web");
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		assertThat(JAVADOC).as("Javadoc metadata: is spring-modulith-apt on the compile path?").exists();
		// Spring Modulith 2.1.1 reads the metadata with Spring Boot's BasicJsonParser,
		// which takes an escaped quote
		// for the end of a string: a Javadoc quoting "Danderyd, Nacka" would break every
		// canvas. Plain quotes instead.
		Files.writeString(JAVADOC, Files.readString(JAVADOC).replace("\\\"", "'"));
		var javadoc = new HashMap<String, String>();
		for (JsonNode type : JsonMapper.builder().build().readTree(JAVADOC.toFile())) {
			if (type.has("comment")) {
				javadoc.put(type.get("name").asString(), type.get("comment").asString());
			}
		}
		var rooms = new ArrayList<CanvasOptions.Grouping>();
		var descriptions = new ArrayList<String>();
		for (ApplicationModule module : modules) {
			descriptions.add(description(javadoc, module.getBasePackage()));
			for (JavaPackage room : module.getBasePackage().getDirectSubPackages()) {
				String description = description(javadoc, room);
				descriptions.add(description);
				rooms.add(CanvasOptions.Grouping.of(room.getName(), bean -> room.contains(bean.getType()),
						asciidoc(description)));
			}
		}
		// a room's beans under its description first, then Spring's usual groups for the
		// rest
		var canvas = CanvasOptions.withoutDefaultGroupings()
			.groupingBy(rooms.toArray(CanvasOptions.Grouping[]::new))
			.groupingBy(Groupings.SpringGroupings.getGroupings())
			.revealInternals();
		new Documenter(modules).writeDocumentation(DiagramOptions.defaults(), canvas);

		String casework = Files.readString(DOCS.resolve("module-casework.adoc"));
		assertThat(casework).contains("the people the units help and their cases")
			.contains("se.skyddsnat.casework.journal")
			.contains("the journal depends on no other room");
		assertThat(descriptions).noneMatch(d -> d.contains("come with the case-work issue"));
		assertThat(DOCS.resolve("all-docs.adoc")).exists();
	}

	/**
	 * Javadoc's inline tags as AsciiDoc code: {@code {@link a.b.C}} as {@code `C`},
	 * {@code {@code x}} as {@code `x`}.
	 */
	private static String asciidoc(String javadoc) {
		return javadoc.replaceAll("\\{@link (?:[\\w.]+\\.)?([\\w#]+)}", "`$1`").replaceAll("\\{@code ([^}]*)}", "`$1`");
	}

	private static String description(Map<String, String> javadoc, JavaPackage javaPackage) {
		return Optional.ofNullable(javadoc.get(javaPackage.getName()))
			.orElseThrow(() -> new AssertionError(javaPackage.getName() + " has no package-info description"));
	}

}
