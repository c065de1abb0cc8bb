package se.skyddsnat.web;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import se.skyddsnat.shared.TextLimit;

/**
 * Every module's text limits ({@link TextLimit} enums) for templates:
 * {@code th:maxlength="${@limits.max('CASE_REASON')}"}, so that a form's
 * {@code maxlength} is the number its service checks and its column holds. Found once at
 * start; names are unique across modules.
 */
@Component("limits")
public class Limits {

	private final Map<String, TextLimit> byName = new TreeMap<>();

	Limits() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(TextLimit.class));
		for (BeanDefinition definition : scanner.findCandidateComponents("se.skyddsnat")) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), getClass().getClassLoader());
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					TextLimit limit = (TextLimit) constant;
					if (byName.put(limit.name(), limit) != null) {
						throw new IllegalStateException("Two text limits are called " + limit.name());
					}
				}
			}
		}
	}

	/**
	 * The limit called {@code name}, e.g. {@code CASE_REASON}; an unknown name is a
	 * mistake in a template.
	 */
	public int max(String name) {
		TextLimit limit = byName.get(name);
		if (limit == null) {
			throw new IllegalArgumentException("No text limit " + name);
		}
		return limit.max();
	}

	public Collection<TextLimit> all() {
		return byName.values();
	}

}
