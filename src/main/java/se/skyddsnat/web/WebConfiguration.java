package se.skyddsnat.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.MultipartConfigElement;
import lombok.RequiredArgsConstructor;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Swedish by default; {@code ?lang=en} switches to English and a cookie remembers it. The
 * bounds on a request ({@link RequestLimits}, {@link InputGuard}) and Tomcat's own error
 * answers ({@link ContainerErrors}).
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class WebConfiguration implements WebMvcConfigurer {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final InputGuard inputGuard;

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("skyddsnat-lang");
		resolver.setDefaultLocale(SWEDISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(inputGuard);
	}

	@Bean
	RequestLimits requestLimits(@Value("${skyddsnat.input.max-body-size:2MB}") DataSize body,
			@Value("${skyddsnat.import.max-file-size:50MB}") DataSize file) {
		return new RequestLimits(body, file);
	}

	/**
	 * Right after the character encoding is set, before the security filters read any
	 * field.
	 */
	@Bean
	FilterRegistrationBean<RequestLimits> requestLimitsFilter(RequestLimits limits) {
		var registration = new FilterRegistrationBean<>(limits);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Heavy requests (statistics, reports, exports, imports) in their own bounded
	 * concurrency; see {@link Bulkhead}.
	 */
	@Bean
	FilterRegistrationBean<Bulkhead> bulkheadFilter(@Value("${skyddsnat.heavy.concurrency:0}") int concurrency,
			@Value("${skyddsnat.heavy.wait:30s}") Duration wait) {
		int permits = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		var registration = new FilterRegistrationBean<>(new Bulkhead(permits, wait));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100); // after the security
																// filters
		return registration;
	}

	/**
	 * Uploads: each file up to the import's limit, written to a temporary file as it
	 * arrives (never held in memory).
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(RequestLimits limits) {
		return new MultipartConfigElement("", limits.fileBytes(), limits.requestBytes(), 0);
	}

	/**
	 * Tomcat's own refusals (a malformed request, {@code %00} in the path, a header too
	 * large) in our words.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrors() {
		return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ContainerErrors.class.getName()));
	}

}
