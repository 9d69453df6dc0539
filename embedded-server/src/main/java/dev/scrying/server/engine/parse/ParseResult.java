package dev.scrying.server.engine.parse;

import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Outcome;

/** What free text turned into: a structured command to run, or an answer back (ambiguity, nonsense). */
public sealed interface ParseResult {
  record Parsed(Command command) implements ParseResult {}

  record Reply(Outcome outcome) implements ParseResult {}
}
