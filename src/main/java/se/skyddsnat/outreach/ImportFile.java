package se.skyddsnat.outreach;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.web.multipart.MultipartFile;

/**
 * One CSV file of an import, read as a stream, once for the preview and again for the
 * import: an upload (kept on disk by the server as it arrives), a file kept between the
 * preview and the confirmation, or bytes in a test. Never held whole in memory by the
 * import.
 */
public interface ImportFile {

	/** No file, or an empty one. */
	boolean isEmpty();

	InputStream open() throws IOException;

	static ImportFile of(byte[] bytes) {
		byte[] content = bytes == null ? new byte[0] : bytes;
		return new ImportFile() {
			public boolean isEmpty() {
				return content.length == 0;
			}

			public InputStream open() {
				return new ByteArrayInputStream(content);
			}
		};
	}

	static ImportFile of(MultipartFile file) {
		return new ImportFile() {
			public boolean isEmpty() {
				return file == null || file.isEmpty();
			}

			public InputStream open() throws IOException {
				return file.getInputStream();
			}
		};
	}

	static ImportFile of(Path path) {
		return new ImportFile() {
			public boolean isEmpty() {
				try {
					return path == null || !Files.exists(path) || Files.size(path) == 0;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			public InputStream open() throws IOException {
				return Files.newInputStream(path);
			}
		};
	}

}
