package se.skyddsnat.scheduling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.springframework.core.ConfigurableObjectInputStream;

/**
 * A one-time job's data in Java serialization, read with the application's class loader
 * (as Spring Boot's own db-scheduler starter does, so it works from the executable jar)
 * and through a filter that admits only the JDK's own value types and Skyddsnät's
 * classes: the bytes come from our own table, and even so nothing else is instantiated.
 */
final class FilteredJavaSerializer implements Serializer {

	private static final ObjectInputFilter FILTER = ObjectInputFilter.Config
		.createFilter("maxdepth=10;maxrefs=1000;maxbytes=65536;java.base/*;se.skyddsnat.**;!*");

	private final ClassLoader classLoader = FilteredJavaSerializer.class.getClassLoader();

	@Override
	public byte[] serialize(Object data) {
		if (data == null) {
			return null;
		}
		try (var bytes = new ByteArrayOutputStream(); var out = new ObjectOutputStream(bytes)) {
			out.writeObject(data);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new SerializationException("A job's data could not be serialized (" + data.getClass().getName() + ")",
					e);
		}
	}

	@Override
	public <T> T deserialize(Class<T> type, byte[] serialized) {
		if (serialized == null) {
			return null;
		}
		try (var in = new ConfigurableObjectInputStream(new ByteArrayInputStream(serialized), classLoader)) {
			in.setObjectInputFilter(FILTER);
			return type.cast(in.readObject());
		}
		catch (IOException | ClassNotFoundException | ClassCastException e) {
			throw new SerializationException("A job's data could not be read as " + type.getName(), e);
		}
	}

}
