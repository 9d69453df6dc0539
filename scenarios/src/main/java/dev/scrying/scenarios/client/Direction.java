package dev.scrying.scenarios.client;

/** Whether a frame was sent by the simulated player ({@code OUT}) or received from the server ({@code IN}). */
public enum Direction { IN, OUT }
