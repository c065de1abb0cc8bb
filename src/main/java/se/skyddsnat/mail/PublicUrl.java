package se.skyddsnat.mail;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address at which people outside reach Skyddsnät ({@code SKYDDSNAT_PUBLIC_URL},
 * default {@code http://localhost:8080}): links in mails are made with
 * {@link #link(String)}, never from the request that happened to cause the mail (a job
 * has none, and a Host header can be forged).
 */
@Component
public class PublicUrl {

	private final String base;

	private final String host;

	PublicUrl(@Value("${skyddsnat.public-url:http://localhost:8080}") String configured) {
		String value = configured == null ? "" : configured.strip();
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("SKYDDSNAT_PUBLIC_URL is not a URL: " + configured);
		}
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
			throw new IllegalArgumentException("SKYDDSNAT_PUBLIC_URL must be an http(s) address without query, "
					+ "fragment or user, e.g. https://skyddsnat.example.se: " + configured);
		}
		this.base = value;
		this.host = uri.getHost();
	}

	/**
	 * The base address, without a trailing slash, e.g.
	 * {@code https://skyddsnat.example.se}.
	 */
	public String base() {
		return base;
	}

	/**
	 * An absolute link to a path of Skyddsnät, e.g. {@code link("/public/training/12")}.
	 */
	public String link(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException("A link's path starts with one slash");
		}
		return base + path;
	}

	/** The host name, for the domain of the mails' Message-IDs. */
	String host() {
		return host;
	}

}
