package org.topoomni.model;

/** One layer of one stack, where a hook can read or replace the layer's output. */
public record LayerSite(String stack, int layer) {}
