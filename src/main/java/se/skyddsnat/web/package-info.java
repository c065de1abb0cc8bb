/**
 * The frame of the web UI and the API: the layout and the start page (the worklist),
 * language, Swedish formats ({@code @fmt}), the text limits for templates
 * ({@code @limits}), municipalities and units by name ({@code @names}), the OpenAPI
 * document's frame, and the one way each refusal is answered — {@code ApiProblems}
 * (problem+json for every API error: bad input, a domain refusal, access, the
 * unexpected), {@code PageProblems} and {@code ErrorPages} for pages — with the defence
 * in depth before any controller runs ({@code InputGuard}, {@code RequestLimits},
 * {@code ContainerErrors}), and the bulkhead that keeps heavy requests (statistics,
 * reports, exports, imports) to a bounded concurrency of their own ({@code Bulkhead}).
 * Feature screens live in their own modules; nothing here is used by them.
 */
package se.skyddsnat.web;
