package se.skyddsnat.idempotency;

/** An {@code Idempotency-Key} sent again with a different request body: the key belongs to the first request. */
class KeyReused extends RuntimeException {
    KeyReused() {
        super("Idempotency-Key reused for a different request");
    }
}
