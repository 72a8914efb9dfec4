package org.topoomni.sheet;

/** A unit named the way the network knows it: its stack, layer and channel. */
public record UnitAddress(String stack, int layer, int channel) {}
