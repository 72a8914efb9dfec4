package org.topoomni.optim;

/** Learning rate: linear warm-up, then cosine decay to a floor. */
public record Schedule(double peak, int warmupSteps, int totalSteps, double floorFraction) {
    public Schedule {
        if (peak <= 0) throw new IllegalArgumentException("learning rate must be positive, got " + peak);
        if (totalSteps <= 0) throw new IllegalArgumentException("total steps must be positive, got " + totalSteps);
    }

    /** Learning rate at a 0-based step. */
    public double at(int step) {
        if (warmupSteps > 0 && step < warmupSteps) return peak * (step + 1) / warmupSteps;
        double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps));
        double floor = peak * floorFraction;
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
