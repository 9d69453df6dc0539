package dev.scrying.console.model.stream;

import java.util.List;

/**
 * What changed in the visible rows since the view last heard: drop {@code removedFromHead} rows from
 * the top, then append {@code appended}; or, when {@code reset}, replace everything with {@code appended}.
 */
public record RowsChange(int removedFromHead, List<StreamEvent> appended, boolean reset) {
  public RowsChange {
    appended = List.copyOf(appended);
  }
}
