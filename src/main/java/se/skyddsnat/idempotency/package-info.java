/**
 * Every write that a person or a client can repeat is carried out once: a create form
 * carries a hidden token ({@link se.skyddsnat.idempotency.FormToken}), an API request may
 * carry an {@code Idempotency-Key} ({@link se.skyddsnat.idempotency.IdempotencyKey}); the
 * key is stored with the first answer in the transaction of the work, and a repeat gets
 * that answer instead of doing the work again (the same key with another body is refused,
 * 422). Schema {@code idempotency}; controllers take the two as parameters.
 */
package se.skyddsnat.idempotency;
