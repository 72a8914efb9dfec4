package org.topoomni.perturb;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * An intervention on the cortical sheet (METHOD.md section 6): a value added to the cortical
 * units Z of some sheet units, nothing else. Driving a cluster adds its category's delta
 * ({@link #drive}), suppressing it subtracts it ({@link #suppress}).
 *
 * @param units sheet units (row-major indices), distinct
 * @param delta what is added to each unit's Z, at every token the unit's layer holds
 */
public record Intervention(int[] units, float[] delta) {

    /** No intervention. */
    public static final Intervention NONE = new Intervention(new int[0], new float[0]);

    public Intervention {
        if (units == null || delta == null) throw new IllegalArgumentException("an intervention needs units and deltas (null given)");
        if (units.length != delta.length) {
            throw new IllegalArgumentException("an intervention needs one delta per unit: " + units.length + " units, " + delta.length + " deltas");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < units.length; i++) {
            if (units[i] < 0) throw new IllegalArgumentException("unit index " + units[i] + " is negative");
            if (!seen.add(units[i])) throw new IllegalArgumentException("unit " + units[i] + " appears twice in the intervention");
            if (!Float.isFinite(delta[i])) throw new IllegalArgumentException("delta of unit " + units[i] + " is " + delta[i]);
        }
        units = units.clone();
        delta = delta.clone();
    }

    /** Adds {@code delta[u]} on each unit {@code u} of {@code mask}: drives the units towards the category. */
    public static Intervention drive(int[] mask, float[] delta) {
        return new Intervention(mask, gather(delta, mask, 1f));
    }

    /** Subtracts {@code delta[u]} on each unit {@code u} of {@code mask}: suppresses the category's response there. */
    public static Intervention suppress(int[] mask, float[] delta) {
        return new Intervention(mask, gather(delta, mask, -1f));
    }

    private static float[] gather(float[] sheetDelta, int[] mask, float sign) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] < 0 || mask[i] >= sheetDelta.length) {
                throw new IllegalArgumentException("unit " + mask[i] + " is outside the sheet's " + sheetDelta.length + " units");
            }
            out[i] = sign * sheetDelta[mask[i]];
        }
        return out;
    }

    public int size() {
        return units.length;
    }

    public boolean isEmpty() {
        return units.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervention i && Arrays.equals(units, i.units) && Arrays.equals(delta, i.delta);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(units) + Arrays.hashCode(delta);
    }

    @Override
    public String toString() {
        return "Intervention[" + units.length + " units]";
    }
}
