package dev.scrying.server;

import dev.scrying.server.store.SyncLog;
import java.nio.file.Path;

/**
 * The server as {@code serve} runs it, with its storage layer recording every completed fsync to the file
 * named by {@code -Dscrying.test.syncLog}: the child JVM of the power-loss test (G4). Lives in the test
 * sources so the production launcher carries none of it.
 */
public final class PowerLossServerMain {
  private PowerLossServerMain() {}

  public static void main(String[] args) throws Exception {
    String log = System.getProperty("scrying.test.syncLog");
    if (log == null) {
      throw new IllegalArgumentException("-Dscrying.test.syncLog=<file> is required");
    }
    ServerMain.serve(ServerMain.parse(args), new SyncLog(Path.of(log)));
  }
}
