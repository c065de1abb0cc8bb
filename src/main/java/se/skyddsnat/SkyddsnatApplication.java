package se.skyddsnat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SkyddsnatApplication {

	public static void main(String[] args) {
		SpringApplication.run(SkyddsnatApplication.class, args);
	}

}
