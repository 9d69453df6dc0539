/**
 * Wire-level clients of a Scrying server, for simulated players, the console's Players panel and the
 * "scrying mirror". Nothing here touches server internals: every byte goes over HTTP, WebSocket or SSE.
 *
 * <pre>{@code
 * try (ServerHandle server = ServerHandle.connect("http://127.0.0.1:8765", null);      // admin dev token
 *      SimulatedPlayer alice = SimulatedPlayer.connect(server, "wylding-woods", "alice")) {
 *   alice.addListener(frame -> uiQueue.offer(frame));              // network threads: never block here
 *   ActionResult r = alice.act("collect_item", Map.of("instance_id", "bottle_joy")).get(10, SECONDS);
 *   r.worldUpdate();                                               // the delta that preceded the answer
 *   ChatResult c = alice.chat("give it to Louisa").get(30, SECONDS); // every SSE frame, in order
 *   alice.mirror();                                                // built only from received frames
 *   alice.awaitConverged(Duration.ofSeconds(5)).matches();         // == GET /experience/{exp}/view
 *   alice.latencies().percentileMillis(LatencyMetric.ACTION_TO_WORLD_UPDATE, 99);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.scrying.scenarios.client.ServerHandle}: admin HTTP, dev tokens, the shared OkHttp client.</li>
 *   <li>{@link dev.scrying.scenarios.client.SimulatedPlayer}: one guest (WebSocket, chat SSE, persistent
 *       SSE, HTTP interact), its mirror, chain checks and latencies.</li>
 *   <li>{@link dev.scrying.scenarios.client.Frame} / {@link dev.scrying.scenarios.client.FrameListener}:
 *       every frame in or out, with epoch-microsecond timestamps.</li>
 *   <li>{@link dev.scrying.scenarios.client.ReconnectPolicy}: whether and when a player reopens dropped
 *       streams on its own (off by default).</li>
 *   <li>{@link dev.scrying.scenarios.client.Latencies}: HdrHistograms per
 *       {@link dev.scrying.scenarios.client.LatencyMetric}.</li>
 * </ul>
 *
 * <p>Threading: every public type is thread-safe. Listeners run on network threads and must not
 * block; futures complete on a per-player callback thread. Failures are
 * {@link dev.scrying.scenarios.client.ServerException}s.
 */
package dev.scrying.scenarios.client;
