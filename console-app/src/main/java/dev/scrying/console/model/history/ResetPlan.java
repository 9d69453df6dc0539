package dev.scrying.console.model.history;

import dev.scrying.console.session.HistoryEntry;

/** A reset the operator asked for but has not confirmed: the commit and the server's own preview of it. */
public record ResetPlan(HistoryEntry entry, String preview) {}
