package dev.scrying.scenarios.bench;

import java.time.Duration;

/**
 * One load shape: who plays, where, and how fast. Actions arrive at a fixed rate (an open model), each
 * a player's next collect or drop of its own item, so every action changes the world for its zone. The
 * unmeasured warm-up runs at {@code warmupRate}, which may be higher: at 10 actions/s a fresh JVM would
 * still be compiling the hot path a minute later, while a server on demo day has long been warm.
 */
record Workload(String name, String experience, int players, int zones, double rate, Duration warmup,
    Duration duration, double chatRate, double warmupRate, Duration warmupLimit) {

  /** JIT warm-up on a server the bench started (it raises the per-socket message budget for it). */
  static final double WARMUP_RATE = 200;

  static final String[] SHOP_ITEMS = {"bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature", "health_potion_1"};

  static Workload demo(Duration duration) {
    return new Workload("demo", "wylding-woods", 5, 1, 10, Duration.ofSeconds(5), duration, 1, WARMUP_RATE,
        Duration.ofSeconds(20));
  }

  /** G22, the cost of durability: 50 acknowledged changes a second, each fsynced before its answer. */
  static Workload durability(Duration duration) {
    return new Workload("durability", "wylding-woods", 5, 1, 50, Duration.ofSeconds(3), duration, 0, WARMUP_RATE,
        Duration.ofSeconds(9));
  }

  static Workload scale(int players, Duration duration, double rate) {
    return new Workload("scale", BenchWorld.ID, players, 50, rate, Duration.ofSeconds(5), duration, 0, rate,
        Duration.ofSeconds(30));
  }

  /** The same load with its warm-up at the measured rate (a server the bench did not start keeps its budgets). */
  Workload warmingAtRate() {
    return new Workload(name, experience, players, zones, rate, warmup, duration, chatRate, rate, warmupLimit);
  }

  /** The same load with a single warm-up step, however busy the JIT still is (the smoke run's seconds). */
  Workload oneWarmupStep() {
    return new Workload(name, experience, players, zones, rate, warmup, duration, chatRate, warmupRate, warmup);
  }

  boolean generated() {
    return experience.equals(BenchWorld.ID);
  }

  String item(int player) {
    return generated() ? BenchWorld.itemOf(player) : SHOP_ITEMS[player % SHOP_ITEMS.length];
  }

  /** How many players share player p's zone (the fan-out of each of its actions, itself included). */
  int zonePopulation(int player) {
    if (!generated()) {
      return players;
    }
    int zone = player % zones;
    return players / zones + (zone < players % zones ? 1 : 0);
  }
}
