package dev.scrying.console.model;

import dev.scrying.console.session.SessionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where view models report what the operator should know, errors above all, worded with a way
 * forward (never a stack trace). The view shows each as a toast; {@link #recent()} keeps the last few
 * for tests and the log. Any thread may report: reports hop to the UI thread through {@link UiDispatch}.
 */
public final class Notices {
  private static final int KEEP = 20;

  private final UiDispatch ui;
  private final Signal<Notice> shown = new Signal<>();
  private final Deque<Notice> recent = new ArrayDeque<>();

  public Notices(UiDispatch ui) {
    this.ui = ui;
  }

  public Signal<Notice> shown() {
    return shown;
  }

  /** The latest notices, newest first. UI thread. */
  public List<Notice> recent() {
    return List.copyOf(recent);
  }

  public void report(Notice notice) {
    ui.post(() -> {
      recent.addFirst(notice);
      while (recent.size() > KEEP) {
        recent.removeLast();
      }
      shown.emit(notice);
    });
  }

  public void info(String title) {
    report(Notice.info(title));
  }

  /** Reports a failed server call (any throwable, unwrapped) in the operator's words. */
  public void failure(String doing, Throwable error) {
    SessionException e = SessionException.of(error);
    report(Notice.problem(doing + ": " + e.getMessage(), e.wayForward()));
  }
}
