package se.skyddsnat.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;

/**
 * Defence in depth for values that no service parses: a request parameter or form field
 * (name or value), or any string in a JSON body, with a control character other than tab
 * and line breaks (a NUL byte, for one) is refused with 400 naming the field — by its
 * name, or its JSON path ({@code encounters[0].notes}) — before the controller runs:
 * problem+json for the API ({@link ApiProblems}), the Swedish error page for pages
 * ({@link PageProblems}). The services check their own fields with the same rule
 * ({@link Input}); this catches what they never look at.
 */
@ControllerAdvice
@RequiredArgsConstructor
class InputGuard extends RequestBodyAdviceAdapter implements HandlerInterceptor {

	/**
	 * Left to the login's own handling of credentials (owned with identity's
	 * Authenticator, LoginController and the token API): a refused login there is audited
	 * like any other, so this guard must not answer for it first. {@code /error} renders
	 * the refusal itself, with the same parameters.
	 */
	static final Set<String> EXCLUDED = Set.of("/login", "/login/refused", "/api/v1/tokens", "/error");

	private static final int DEPTH = 32;

	private final JsonMapper json;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof org.springframework.web.method.HandlerMethod) || excluded(request)) {
			return true; // static files and the excluded paths
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!Input.safe(name)) {
				throw InvalidInput.of(Input.echo(name), Input.CONTROL_CHARACTERS);
			}
			for (String value : parameter.getValue()) {
				if (value != null && !Input.safe(value)) {
					throw InvalidInput.of(name, Input.CONTROL_CHARACTERS);
				}
			}
		}
		return true;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	/**
	 * A JSON body is checked as it was sent, before it becomes the controller's record: a
	 * field the record does not have (and so would never store) is named too. A body that
	 * is not JSON is left to the converter to refuse.
	 */
	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = inputMessage.getHeaders().getContentType();
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))
				|| RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
						&& excluded(attributes.getRequest())) {
			return inputMessage;
		}
		byte[] body = inputMessage.getBody().readAllBytes(); // bounded: RequestLimits
																// stops a body over its
																// limit
		String path;
		try {
			path = unsafe(json.readValue(body, Object.class), "", 0);
		}
		catch (JacksonException e) {
			path = null;
		}
		if (path != null) {
			throw InvalidInput.of(path.isEmpty() ? "body" : path, Input.CONTROL_CHARACTERS);
		}
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return inputMessage.getHeaders();
			}
		};
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& excluded(attributes.getRequest())) {
			return body;
		}
		String path = unsafe(body, "", 0);
		if (path != null) {
			throw InvalidInput.of(path.isEmpty() ? "body" : path, Input.CONTROL_CHARACTERS);
		}
		return body;
	}

	private static boolean excluded(HttpServletRequest request) {
		return EXCLUDED.contains(request.getServletPath());
	}

	/**
	 * The JSON path of the first string with a control character, or null when there is
	 * none.
	 */
	static String unsafe(Object value, String path, int depth) {
		if (value == null || depth > DEPTH) {
			return null;
		}
		if (value instanceof String s) {
			return Input.safe(s) ? null : path;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				String key = String.valueOf(e.getKey());
				String at = path.isEmpty() ? Input.echo(key) : path + "." + Input.echo(key);
				if (!Input.safe(key)) {
					return at;
				}
				String found = unsafe(e.getValue(), at, depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value instanceof Collection<?> list) {
			int i = 0;
			for (Object item : list) {
				String found = unsafe(item, path + "[" + i++ + "]", depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value instanceof Object[] array) {
			for (int i = 0; i < array.length; i++) {
				String found = unsafe(array[i], path + "[" + i + "]", depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				Object v;
				try {
					var accessor = component.getAccessor();
					accessor.setAccessible(true);
					v = accessor.invoke(value);
				}
				catch (ReflectiveOperationException | RuntimeException e) {
					continue;
				}
				String found = unsafe(v, path.isEmpty() ? component.getName() : path + "." + component.getName(),
						depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
