package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.server.bus.BusStatus.Mode;
import org.junit.jupiter.api.Test;

class RedactTest {

  @Test
  void credentialsInUrlsNeverReachTheStatus() throws Exception {
    int closed = NatsProcess.freePorts(1)[0];
    String urls = "nats://scrying:s3cret@127.0.0.1:" + closed + ",nats://tok3n@127.0.0.1:" + closed;
    try (FailoverBus bus = FailoverBus.over(NatsBus.start(NatsBus.Settings.of(urls, Mode.EXTERNAL)))) {
      eventually().until(() -> bus.status().detail().startsWith("cannot reach"));
      assertThat(bus.status().url())
          .isEqualTo("nats://***@127.0.0.1:" + closed + ",nats://***@127.0.0.1:" + closed);
      assertThat(bus.status().toString()).doesNotContain("s3cret").doesNotContain("tok3n");
    }
  }

  @Test
  void plainTextKeepsEverythingButUserInfo() {
    assertThat(Redact.text("failed: [nats://a:b@h:4222, tls://x@y:1]")).isEqualTo("failed: [nats://***@h:4222, tls://***@y:1]");
    assertThat(Redact.text("nats://h:4222")).isEqualTo("nats://h:4222");
    assertThat(Redact.text(null)).isNull();
  }
}
