package se.skyddsnat.followup.indicator;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.Count;

/**
 * Indicator values as people read them, for pages ({@code ${@followupFormat.value(v)}}),
 * files and the report: "12", "45,3 %", "3,2 per vecka"; a hidden count as its mark
 * ("&lt;5", "x", ".."); a share of nothing as "–". In prose (the report) a small count
 * reads "färre än 5".
 */
@Component("followupFormat")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class IndicatorFormat {

	private final MessageSource messages;

	public String value(IndicatorValue v) {
		return value(v, LocaleContextHolder.getLocale());
	}

	public String value(IndicatorValue v, Locale locale) {
		if (!v.shown()) {
			return v.mark();
		}
		return number(v.value(), v.indicator().unit(), locale);
	}

	public String number(BigDecimal value, Unit unit, Locale locale) {
		NumberFormat f = NumberFormat.getNumberInstance(locale);
		f.setMaximumFractionDigits(unit == Unit.COUNT ? 0 : 1);
		f.setMinimumFractionDigits(unit == Unit.COUNT ? 0 : 1);
		String n = f.format(value);
		return switch (unit) {
			case COUNT -> n;
			case PERCENT -> messages.getMessage("followup.unit.percent.value", new Object[] { n }, locale);
			case PER_WEEK -> messages.getMessage("followup.unit.per_week.value", new Object[] { n }, locale);
		};
	}

	public String name(Indicator i) {
		return messages.getMessage(i.nameKey(), null, LocaleContextHolder.getLocale());
	}

	public String target(IndicatorValue v) {
		return v.indicator().target() == null ? "–"
				: number(v.indicator().target(), v.indicator().unit(), LocaleContextHolder.getLocale());
	}

	public String count(Count c) {
		return c == null ? "–" : c.text(LocaleContextHolder.getLocale());
	}

	/**
	 * For sentences: digits, or "färre än 5" for a small count; a count hidden to protect
	 * another reads "x".
	 */
	public String prose(Count c, Locale locale) {
		return switch (c.shown()) {
			case EXACT -> c.text(locale);
			case SMALL -> messages.getMessage("followup.prose.small", null, locale);
			case HIDDEN, WITHHELD -> messages.getMessage("followup.prose.hidden", null, locale);
		};
	}

	/**
	 * A breakdown key's label: a municipality's name, or the message
	 * {@code followup.key.<code>}.
	 */
	public String key(String key, java.util.Map<String, String> names) {
		String name = names.get(key);
		return name != null ? name
				: messages.getMessage("followup.key." + key, null, key, LocaleContextHolder.getLocale());
	}

}
