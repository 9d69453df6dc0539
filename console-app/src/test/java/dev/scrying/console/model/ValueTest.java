package dev.scrying.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void observersSeeTheCurrentValueThenEachChange() {
    Value<String> value = new Value<>("a");
    List<String> seen = new ArrayList<>();
    Runnable stop = value.observe(seen::add);

    value.set("b");
    value.set("b");
    stop.run();
    value.set("c");

    assertThat(seen).containsExactly("a", "b");
    assertThat(value.get()).isEqualTo("c");
  }
}
