package se.skyddsnat.idempotency;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.shared.InvalidInput;

/**
 * Gives controllers their {@link FormToken} and {@link IdempotencyKey}, and documents the
 * header in OpenAPI. The key is bound to the authenticated user's name; without a user
 * (there is none on the create endpoints) nothing is kept.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class IdempotencyWebConfiguration implements WebMvcConfigurer {

	/**
	 * A form token as this application makes them (a UUID), or anything a client might
	 * reasonably send.
	 */
	static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,100}");

	/** Visible ASCII, as an sf-string of the header may hold (without its quotes). */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + IdempotencyKey.MAX_LENGTH + "}");

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(FormToken.class, IdempotencyKey.class);
	}

	private final RequestKeys keys;

	private final JsonMapper json;

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	/** Every operation that takes an {@link IdempotencyKey} lists the header. */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			boolean takesKey = List.of(handler.getMethodParameters())
				.stream()
				.anyMatch(p -> p.getParameterType() == IdempotencyKey.class);
			if (takesKey) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER)
					.required(false)
					.schema(new StringSchema().maxLength(IdempotencyKey.MAX_LENGTH))
					.description("Optional. The same key again (same user, same request) returns the first "
							+ "response (status, Location, body) with Idempotent-Replayed: true instead of creating "
							+ "a second record; the same key with another body is 422. Keys are kept 24 hours."));
			}
			return operation;
		};
	}

	private class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == FormToken.class
					|| parameter.getParameterType() == IdempotencyKey.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest webRequest, WebDataBinderFactory binders) {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			String user = user();
			if (parameter.getParameterType() == FormToken.class) {
				return new FormToken(keys, user, token(request.getParameter(FormToken.PARAMETER)), request,
						webRequest.getNativeResponse(jakarta.servlet.http.HttpServletResponse.class));
			}
			return new IdempotencyKey(keys, json, user, key(request.getHeader(IdempotencyKey.HEADER)), request);
		}

	}

	/**
	 * The posted token when it is one of ours; a malformed one counts as none (the form
	 * still works).
	 */
	static String token(String posted) {
		return posted != null && TOKEN.matcher(posted).matches() ? posted : null;
	}

	/**
	 * New for a form drawn for the first time; the posted one when the form is drawn
	 * again (with its errors).
	 */
	static String tokenForForm(String posted) {
		String token = token(posted);
		return token != null ? token : UUID.randomUUID().toString();
	}

	/**
	 * The header's value, bare or as a quoted sf-string; anything else is 400 naming the
	 * header.
	 */
	private static String key(String header) {
		if (header == null) {
			return null;
		}
		String value = header.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		if (!KEY.matcher(value).matches()) {
			throw InvalidInput.of(IdempotencyKey.HEADER, "idempotency.error.key", IdempotencyKey.MAX_LENGTH);
		}
		return value;
	}

	private static String user() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return null;
		}
		String name = auth.getName();
		return name == null || name.isBlank() || name.length() > 64 ? null : name;
	}

}
