package dev.scrying.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A {@code git fsck} equivalent in JGit, so tests do not need the git CLI: every ref and HEAD resolve to a
 * commit, every object reachable from them is present, well-formed ({@link ObjectChecker}) and hashes to
 * its name. Stateless; open the repository only while its server is stopped.
 */
final class GitFsck {
  private GitFsck() {}

  /** The problems found; empty when the history is sound. */
  static List<String> problems(Path gitDir) {
    List<String> out = new ArrayList<>();
    try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
         ObjectWalk walk = new ObjectWalk(repo)) {
      List<Ref> refs = repo.getRefDatabase().getRefs();
      if (!refs.isEmpty() && repo.resolve(Constants.HEAD) == null) {
        out.add("HEAD does not resolve");
      }
      for (Ref r : refs) {
        if (r.getObjectId() == null) {
          out.add("ref " + r.getName() + " points nowhere");
          continue;
        }
        try {
          walk.markStart(walk.parseCommit(r.getObjectId()));
        } catch (IOException e) {
          out.add("ref " + r.getName() + ": " + e);
        }
      }
      ObjectChecker checker = new ObjectChecker();
      ObjectInserter.Formatter hasher = new ObjectInserter.Formatter();
      try {
        for (RevCommit c = walk.next(); c != null; c = walk.next()) {
          verify(repo, c, checker, hasher, out);
        }
        for (RevObject o = walk.nextObject(); o != null; o = walk.nextObject()) {
          verify(repo, o, checker, hasher, out);
        }
      } catch (IOException e) {
        out.add("walk: " + e);
      }
    } catch (IOException e) {
      out.add("cannot open " + gitDir + ": " + e);
    }
    return out;
  }

  private static void verify(Repository repo, RevObject o, ObjectChecker checker, ObjectInserter.Formatter hasher,
      List<String> out) {
    try {
      byte[] raw = repo.open(o, o.getType()).getCachedBytes(Integer.MAX_VALUE);
      checker.check(o, o.getType(), raw);
      if (!hasher.idFor(o.getType(), raw).equals(o)) {
        out.add(o.name() + ": content does not hash to its name");
      }
    } catch (IOException e) {
      out.add(o.name() + ": " + e);
    }
  }
}
