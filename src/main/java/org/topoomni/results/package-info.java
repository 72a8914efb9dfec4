/**
 * One record type per output file of a run, each written and read through the same class, so that
 * a key is spelled in one place: {@link org.topoomni.results.LocalizerSummary} ({@code localize}'s
 * summary.json), {@link org.topoomni.results.PerturbationSummary} ({@code perturb}'s summary.json),
 * {@link org.topoomni.results.ScreeningSummary} ({@code discover}'s summary.json),
 * {@link org.topoomni.results.TrainingMetrics} ({@code train}'s metrics.json),
 * {@link org.topoomni.results.PretrainMetrics} (a base model's metrics.json) and
 * {@link org.topoomni.results.DemoResults} (the demo's results.json). The JSON policy is
 * {@link org.topoomni.io.Json}'s: NaN written as null, a null or absent number read as NaN.
 * These records hold numbers; computing them is the job of the packages above.
 */
package org.topoomni.results;
