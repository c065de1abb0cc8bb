/**
 * The frame of the web UI and API: layout, start page (the worklist), language, error pages and
 * problem+json for the API. Feature screens live in their own modules.
 */
package se.skyddsnat.web;
