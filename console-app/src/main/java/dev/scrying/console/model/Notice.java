package dev.scrying.console.model;

/** A message for the operator: what happened and, for problems, what to do next ({@code wayForward} may be ""). */
public record Notice(Tone tone, String title, String wayForward) {

  public static Notice info(String title) {
    return new Notice(Tone.GOOD, title, "");
  }

  public static Notice problem(String title, String wayForward) {
    return new Notice(Tone.DANGER, title, wayForward);
  }
}
