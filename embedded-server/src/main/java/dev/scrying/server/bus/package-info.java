/**
 * The event bus that carries world updates: a managed or external NATS server when there is one, an
 * in-process bus when there is not ({@link dev.scrying.server.bus.FailoverBus} switches between them),
 * plus the {@code nats-server} child process and a small client for its monitoring endpoint. Build a bus
 * with {@link dev.scrying.server.bus.Buses}.
 */
package dev.scrying.server.bus;
