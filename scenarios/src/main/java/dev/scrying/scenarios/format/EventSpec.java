package dev.scrying.scenarios.format;

import dev.scrying.scenarios.client.Transport;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one player must have received during a step, counting only incoming frames (of
 * {@code transport} when set). {@code order}: each listed type arrived, and their FIRST occurrences
 * are in this order (so {@code [world_update, content]} means the first world update came before the
 * first narrative text). {@code includes}: each type arrived. {@code excludes}: none of these arrived.
 * {@code counts}: exactly this many of each type.
 */
public record EventSpec(List<String> order, List<String> includes, List<String> excludes, Map<String, Integer> counts,
    @Nullable Transport transport) {
  public EventSpec {
    order = List.copyOf(order);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    counts = Map.copyOf(counts);
  }

  /** Whether the check can only be decided once the step's frames have settled (absence, exact counts). */
  public boolean needsSettling() {
    return !excludes.isEmpty() || !counts.isEmpty();
  }

  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (!order.isEmpty()) {
      sb.append("in order ").append(order).append(' ');
    }
    if (!includes.isEmpty()) {
      sb.append("includes ").append(includes).append(' ');
    }
    if (!excludes.isEmpty()) {
      sb.append("excludes ").append(excludes).append(' ');
    }
    if (!counts.isEmpty()) {
      sb.append("counts ").append(counts).append(' ');
    }
    if (transport != null) {
      sb.append("on ").append(transport.name().toLowerCase());
    }
    return sb.toString().strip();
  }
}
