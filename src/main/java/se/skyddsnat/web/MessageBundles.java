package se.skyddsnat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The message bundles, found by convention: every {@code i18n/<module>.properties} on the
 * class path (with its {@code _en} translation beside it) is a bundle. A module that adds
 * a bundle file needs no setting; Swedish is the default, there is no fall-back to the
 * machine's language.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	static final String LOCATION = "classpath*:i18n/*.properties";

	@Bean
	MessageSource messageSource() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames(basenames(new PathMatchingResourcePatternResolver()));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * {@code i18n/web}, {@code i18n/casework-journal}, …: one per file without a language
	 * suffix, sorted.
	 */
	static String[] basenames(ResourcePatternResolver resolver) {
		try {
			return Arrays.stream(resolver.getResources(LOCATION))
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.map(name -> name.substring(0, name.length() - ".properties".length()))
				.map(name -> name.replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""))
				.distinct()
				.sorted()
				.map(name -> "i18n/" + name)
				.toArray(String[]::new);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The message bundles under i18n/ could not be listed", e);
		}
	}

}
