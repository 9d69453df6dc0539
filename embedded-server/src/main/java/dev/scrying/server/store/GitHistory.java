package dev.scrying.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.WorldHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git history of a state folder (world.json and players/). Commits run on the snapshot thread,
 * never on the request path; reads may come from any thread (JGit repositories are thread-safe for
 * reading). Lock files a crashed commit left behind (index, HEAD, packed-refs, config, any ref) are
 * removed when it is made, which {@link StateFolder} does only once it holds the folder's OS lock: that
 * proves no other Scrying process is writing, so the locks are stale.
 */
public final class GitHistory implements WorldHistory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitHistory.class);
  private final Git git;

  /** One commit of the history. */
  public record Entry(String commit, String message, long timeMillis, long version) {}

  public GitHistory(Path dir) throws IOException {
    removeStaleLocks(dir.resolve(".git"));
    try {
      this.git = Files.isDirectory(dir.resolve(".git")) ? Git.open(dir.toFile())
          : Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    } catch (GitAPIException e) {
      throw new IOException("cannot open the Git history in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** While any of these exists, JGit (and git) refuse to commit: the history would stop for good. */
  private static void removeStaleLocks(Path gitDir) throws IOException {
    List<Path> locks = new ArrayList<>();
    for (String name : List.of("index.lock", "HEAD.lock", "packed-refs.lock", "config.lock")) {
      if (Files.exists(gitDir.resolve(name))) {
        locks.add(gitDir.resolve(name));
      }
    }
    if (Files.isDirectory(gitDir.resolve("refs"))) {
      try (Stream<Path> refs = Files.walk(gitDir.resolve("refs"))) {
        refs.filter(p -> p.getFileName().toString().endsWith(".lock") && Files.isRegularFile(p)).forEach(locks::add);
      }
    }
    for (Path lock : locks) {
      LOG.warn("removing a leftover Git lock {} from an earlier run that did not stop cleanly", lock);
      Files.delete(lock);
    }
  }

  /** Stages world.json and players/ (including deletions) and commits; returns the commit id. */
  public synchronized String commit(String message) throws IOException {
    try {
      git.add().addFilepattern("world.json").addFilepattern("players").addFilepattern(".gitignore").call();
      git.add().setUpdate(true).addFilepattern(".").call();
      RevCommit c = git.commit().setMessage(message).setAuthor("scrying", "scrying@localhost")
          .setCommitter("scrying", "scrying@localhost").setAllowEmpty(false).call();
      return c.getName();
    } catch (org.eclipse.jgit.api.errors.EmptyCommitException e) {
      return null;
    } catch (GitAPIException e) {
      throw new IOException("git commit failed: " + e.getMessage(), e);
    }
  }

  public synchronized List<Entry> log(int limit) {
    List<Entry> out = new ArrayList<>();
    try {
      if (git.getRepository().resolve("HEAD") == null) {
        return out;
      }
      for (RevCommit c : git.log().setMaxCount(limit).call()) {
        out.add(new Entry(c.getName(), c.getFullMessage().strip(), c.getCommitTime() * 1000L, versionOf(c.getShortMessage())));
      }
    } catch (GitAPIException | IOException e) {
      LOG.warn("cannot read the Git history: {}", e.getMessage());
    }
    return out;
  }

  @Override
  public synchronized Optional<RecordedState> at(String commitish) {
    if (commitish == null || !commitish.matches("[0-9a-fA-F]{4,40}|HEAD(~[0-9]+)?")) {
      return Optional.empty();
    }
    Repository repo = git.getRepository();
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId id = repo.resolve(commitish);
      if (id == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(id);
      ObjectNode world = null;
      Map<String, ObjectNode> players = new TreeMap<>();
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = tree.getPathString();
          ObjectLoader loader = repo.open(tree.getObjectId(0));
          if (path.equals("world.json")) {
            world = (ObjectNode) Json.parse(loader.getBytes());
          } else if (path.startsWith("players/") && path.endsWith(".json")) {
            JsonNode view = Json.parse(loader.getBytes());
            players.put(path.substring("players/".length(), path.length() - ".json".length()), (ObjectNode) view);
          }
        }
      }
      return world == null ? Optional.empty() : Optional.of(new RecordedState(commit.getName(), world, players));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read commit {}: {}", commitish, e.getMessage());
      return Optional.empty();
    }
  }

  private static long versionOf(String shortMessage) {
    if (shortMessage.startsWith("v")) {
      int end = 1;
      while (end < shortMessage.length() && Character.isDigit(shortMessage.charAt(end))) {
        end++;
      }
      if (end > 1) {
        return Long.parseLong(shortMessage.substring(1, end));
      }
    }
    return -1;
  }

  @Override
  public synchronized void close() {
    git.close();
  }
}
