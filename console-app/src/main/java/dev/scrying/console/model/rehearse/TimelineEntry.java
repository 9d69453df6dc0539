package dev.scrying.console.model.rehearse;

import dev.scrying.console.model.Tone;

/** One line of the rehearsal timeline: what the operator did or what the system did in answer. */
public record TimelineEntry(long atMillis, Tone tone, String text) {}
