package se.skyddsnat.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import se.skyddsnat.shared.Input;

/**
 * Bounds on what one request may carry, checked before anything reads it: a body (JSON, a
 * form, a CSV) of at most {@code skyddsnat.input.max-body-size} (2 MB), and in a file
 * upload each file at most {@code skyddsnat.import.max-file-size} (50 MB; the history
 * import's two files and its fields make the request's limit). Too large is 413 naming
 * the limit: problem+json for the API, the Swedish error page otherwise.
 * <p>
 * A page's upload is read here, before the security filters (whose CSRF check reads the
 * form's fields and would otherwise meet the size error first); an API upload is read
 * when its controller asks for the files, after the bearer token was checked, and
 * {@link ApiProblems} answers its size error.
 */
@RequiredArgsConstructor
class RequestLimits extends OncePerRequestFilter {

	private static final String ERROR_PATH = "/error";

	private final DataSize body;

	private final DataSize file;

	/** The body limit as people read it, e.g. "2 MB". */
	String bodyLimit() {
		return format(body);
	}

	/** The per-file limit of an upload, e.g. "50 MB". */
	String fileLimit() {
		return format(file);
	}

	long fileBytes() {
		return file.toBytes();
	}

	/**
	 * The whole upload: two files of the import and a megabyte for its fields and part
	 * headers.
	 */
	long requestBytes() {
		return 2 * file.toBytes() + DataSize.ofMegabytes(1).toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/")) {
			if (!ErrorPages.isApi(request.getRequestURI())) {
				try {
					request.getParts();
				}
				catch (IllegalStateException | IOException | ServletException e) {
					refuse(request, response, e);
					return;
				}
			}
		}
		else {
			long length = request.getContentLengthLong();
			if (length > body.toBytes()) {
				refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "problem.tooLarge.detail",
						bodyLimit());
				return;
			}
			if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
				request = new Limited(request, body.toBytes());
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof FileSizeLimitExceededException f) {
				refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
						"problem.fileTooLarge.detail", Input.echo(f.getFieldName()), fileLimit());
				return;
			}
			if (t instanceof SizeException) {
				refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "problem.tooLarge.detail",
						format(DataSize.ofBytes(requestBytes())));
				return;
			}
		}
		refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "problem.multipart.detail");
	}

	/**
	 * Answers with the error page (problem+json for the API) at once. Not by
	 * {@code sendError}: Tomcat would render it in an error dispatch of this very
	 * request, whose form fields cannot be read (Tomcat refuses every read of a body over
	 * its limit), so the page is rendered for a copy of the request without body or
	 * fields.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key,
			Object... args) throws IOException {
		request.setAttribute(ErrorPages.DETAIL, new DefaultMessageSourceResolvable(new String[] { key }, args));
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(status);
		try {
			request.getRequestDispatcher(ERROR_PATH).forward(new Refused(request), response);
		}
		catch (ServletException e) {
			throw new IOException(e);
		}
	}

	/**
	 * Whether a failure was a body over the limit (read in chunks, without a
	 * Content-Length).
	 */
	static boolean tooLarge(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	static String format(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes % 1024 == 0) {
			return bytes / 1024 + " kB";
		}
		return bytes + " B";
	}

	/** Thrown by a chunked body when it passes the limit. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body over the limit");
		}

	}

	/**
	 * The refused request as the error page sees it: a GET without body, fields or files.
	 */
	private static final class Refused extends HttpServletRequestWrapper {

		Refused(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public java.util.Map<String, String[]> getParameterMap() {
			return java.util.Map.of();
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return "content-type".equalsIgnoreCase(name) || "content-length".equalsIgnoreCase(name)
					|| "transfer-encoding".equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public java.util.Collection<jakarta.servlet.http.Part> getParts() {
			return java.util.List.of();
		}

		@Override
		public jakarta.servlet.http.Part getPart(String name) {
			return null;
		}

	}

	/** A request whose body stops with {@link BodyTooLarge} after the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {
					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0 && ++read > limit) {
							throw new BodyTooLarge();
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0 && (read += n) > limit) {
							throw new BodyTooLarge();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
