package dev.scrying.console.model.scenario;

/** One decided assertion of a run; {@code step} is -1 for the final checks and budgets. */
public record CheckRow(int step, boolean passed, String description, String detail, int line) {}
