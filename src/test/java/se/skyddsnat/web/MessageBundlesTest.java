package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Bundles are found by convention, and every Swedish text has its English translation
 * (and no more).
 */
class MessageBundlesTest {

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void everyBundleFileIsFoundWithoutBeingListed() throws IOException {
		String[] basenames = MessageBundles.basenames(resolver);
		assertThat(basenames).contains("i18n/web", "i18n/casework-journal", "i18n/mail")
			.doesNotContain("i18n/web_en")
			.hasSize(resolver.getResources("classpath*:i18n/*_en.properties").length);
	}

	@Test
	void swedishIsTheDefaultAndEnglishTheSecond() {
		var messages = new MessageBundles().messageSource();
		String sv = messages.getMessage("layout.logout", null, Locale.forLanguageTag("sv"));
		String en = messages.getMessage("layout.logout", null, Locale.ENGLISH);
		String other = messages.getMessage("layout.logout", null, Locale.GERMAN);
		assertThat(sv).isNotEqualTo(en);
		assertThat(other).isEqualTo(sv);
	}

	@Test
	void everySwedishKeyHasAnEnglishTranslation() throws IOException {
		for (String basename : MessageBundles.basenames(resolver)) {
			assertThat(load(basename + "_en").keySet()).as(basename)
				.containsExactlyInAnyOrderElementsOf(load(basename).keySet());
		}
	}

	private Properties load(String basename) throws IOException {
		var properties = new Properties();
		try (var in = resolver.getResource("classpath:" + basename + ".properties").getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
