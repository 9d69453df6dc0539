package dev.scrying.server.store;

import dev.scrying.server.engine.GameState;
import java.util.List;

/** What start-up rebuilt from the state folder: the state, and every journal entry (for chains, retries, replay). */
public record Recovered(GameState state, List<JournalEntry> journal, long snapshotVersion, boolean snapshotRecovered) {}
