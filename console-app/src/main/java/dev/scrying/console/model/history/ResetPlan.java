package dev.scrying.console.model.history;

import dev.scrying.console.session.ResetScope;

/**
 * A reset the operator asked for but has not confirmed: what it resets, the server's own preview of
 * it, and the words for the confirmation and for the result ({@code done} takes the new version).
 */
public record ResetPlan(ResetScope scope, String target, String title, String confirmLabel, String preview,
    String done) {

  public String doneAt(long version) {
    return done.replace("{version}", "v" + version);
  }
}
