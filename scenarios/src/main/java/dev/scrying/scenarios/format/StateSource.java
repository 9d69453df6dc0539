package dev.scrying.scenarios.format;

/** Where a player's state is read for a check: the server's stored view, or the client's mirror. */
public enum StateSource { SERVER, MIRROR }
