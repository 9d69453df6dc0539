/**
 * Narration of command outcomes: a {@link dev.scrying.server.narrative.Narrator} streams text for
 * what the engine just did, either offline from the experience's narrative.json or from an
 * OpenAI-compatible chat completion server.
 */
package dev.scrying.server.narrative;
