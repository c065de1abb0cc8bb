package se.skyddsnat.web;

import java.util.Set;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import se.skyddsnat.shared.Count;

/**
 * The OpenAPI document's frame: the bearer token, and how a count that may be hidden is
 * described.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "Skyddsnät API", version = "v1",
				description = "Get a token from POST /api/v1/tokens and send it as 'Authorization: Bearer <token>'. "
						+ "Errors are application/problem+json with 'field' and 'errors' for bad input."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {

	static {
		// a count that leaves a unit is written as its number or as its mark
		// (Count.json), so it is either
		SpringDocUtils.getConfig()
			.replaceWithSchema(Count.class,
					new Schema<>().types(Set.of("integer", "string"))
						.description("A count: a whole number, or the string \"" + Count.SMALL_MARK + "\" (1 to 4), \""
								+ Count.HIDDEN_MARK + "\" (hidden to protect a small count; 5 or more) or \""
								+ Count.WITHHELD_MARK + "\" (withheld: any count, 0 included)"));
	}

}
