package se.skyddsnat.idempotency;

import java.util.Map;

import se.skyddsnat.shared.Refused;

/**
 * An {@code Idempotency-Key} sent again with a different request body: the key belongs to
 * the first request (422, naming the header as the field to change).
 */
class KeyReused extends Refused {

	KeyReused() {
		super(422, "idempotency.error.reused");
	}

	@Override
	public String titleKey() {
		return "idempotency.error.reused.title";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("field", IdempotencyKey.HEADER);
	}

}
