package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Earlier states of the world, as the Git history keeps them; used by {@code @reset commit <sha>}. */
public interface WorldHistory {
  /** The world and player views recorded at a commit, or empty if the commit is unknown. */
  Optional<RecordedState> at(String commitish);

  /** A recorded state: the world tree and the player views present at that point. */
  record RecordedState(String commit, ObjectNode world, Map<String, ObjectNode> players) {}

  WorldHistory NONE = commitish -> Optional.empty();
}
