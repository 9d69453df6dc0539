package dev.scrying.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerMainTest {
  @Test
  void theMirrorIsOnUnlessTurnedOffWhicheverNatsIsChosen() {
    assertThat(ServerMain.parse(new String[] {"serve"}).nats().mirror()).isTrue();
    ServerConfig off = ServerMain.parse(new String[] {"serve", "--no-nats-mirror", "--nats", "nats://10.0.0.5:4222"});
    assertThat(off.nats().mirror()).isFalse();
    assertThat(off.nats().kind()).isEqualTo(NatsConfig.Kind.EXTERNAL);
    assertThat(off.nats().url()).isEqualTo("nats://10.0.0.5:4222");
    assertThat(ServerMain.parse(new String[] {"--nats-server", "/opt/nats", "--no-nats-mirror"}).nats())
        .isEqualTo(new NatsConfig(NatsConfig.Kind.MANAGED, null, java.nio.file.Path.of("/opt/nats"), false));
    assertThatThrownBy(() -> ServerMain.parse(new String[] {"--mirror"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--no-nats-mirror");
  }
}
