/**
 * HTTP plumbing shared by every endpoint: request-size limits and RFC 9457 problem responses for every error a
 * caller can cause.
 */
@NullMarked
package io.modstream.ingest.web;

import org.jspecify.annotations.NullMarked;
