package org.topoomni.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ScalarTest {
    /**
     * d(sum(f(x, c)))/dx after the garbage collector has freed every unreachable direct buffer
     * between the forward pass and the backward: the scalar's memory must still be there.
     */
    private static float[] gradientAfterCollection(BiFunction<NDArray, Double, NDArray> f, float[] x, double c) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray in = m.create(x);
            in.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(in, c).sum();
                collectDirectBuffers();
                gc.backward(y);
            }
            return in.getGradient().toFloatArray();
        }
    }

    /** Collects garbage until the direct-buffer pool has shrunk, i.e. the buffers' Cleaners have run. */
    private static void collectDirectBuffers() {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        long before = direct.getMemoryUsed();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (direct.getMemoryUsed() >= before) {
            assertTrue(System.nanoTime() < deadline, "no direct buffer was freed within 10 s of collections (" + before + " bytes in use)");
            System.gc();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void gradientsStayExactWhenTheCollectorRunsBetweenForwardAndBackward() {
        float[] x = {0.5f, 2f, 4f};
        assertArrayEquals(new float[] {3, 3, 3}, gradientAfterCollection(Scalar::mul, x, 3.0));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, gradientAfterCollection(Scalar::div, x, 4.0));
        assertArrayEquals(new float[] {1f, 4f, 8f}, gradientAfterCollection(Scalar::pow, x, 2.0)); // 2 x
        assertArrayEquals(new float[] {0f, 1f, 1f}, gradientAfterCollection(Scalar::maximum, x, 1.0));
        assertArrayEquals(new float[] {1f, 0f, 0f}, gradientAfterCollection(Scalar::minimum, x, 1.0));
    }

    /**
     * Why {@link Scalar} exists: DJL's own {@code mul(Number)} keeps the constant in a direct
     * buffer that it releases at once, so its gradient is read from freed memory. If this starts
     * to pass, the engine has fixed it and {@link Scalar} could go.
     */
    @Test
    void djlsOwnScalarProductLosesItsGradientToTheCollector() {
        float[] g = gradientAfterCollection((a, c) -> a.mul(c.floatValue()), new float[] {0.5f, 2f, 4f}, 3.0);
        assertFalse(g[0] == 3f && g[1] == 3f && g[2] == 3f,
                "DJL's mul(Number) kept its gradient through a collection; the engine may have fixed the freed scalar");
    }

    @Test
    void constantsTakeTheArraysTypeAndDoublesStayExact() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray d = m.create(new double[] {1.0});
            assertEquals(DataType.FLOAT64, Scalar.mul(d, 1.0 / 3).getDataType());
            assertEquals(1.0 / 3, Scalar.mul(d, 1.0 / 3).toDoubleArray()[0], 0.0);
            NDArray h = m.create(new float[] {2f}).toType(DataType.FLOAT16, false);
            assertEquals(DataType.FLOAT16, Scalar.div(h, 4).getDataType());
        }
    }

    /** The array-with-a-Number methods whose backward keeps the constant (add and sub keep none). */
    private static final Set<String> UNSAFE = Set.of("mul", "div", "pow", "maximum", "minimum");

    @Test
    void noMainClassUsesDjlsScalarArithmetic() throws IOException, URISyntaxException {
        Path classes = Path.of(Scalar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                scanned++;
                try (InputStream in = Files.newInputStream(f)) {
                    for (String ref : methodRefs(in)) {
                        String[] p = ref.split(" ");
                        boolean ndarray = p[0].equals("ai/djl/ndarray/NDArray") || p[0].equals("ai/djl/pytorch/engine/PtNDArray")
                                || p[0].equals("ai/djl/ndarray/NDArrays");
                        if (ndarray && UNSAFE.contains(p[1]) && p[2].contains("Ljava/lang/Number;")) {
                            found.add(classes.relativize(f) + ": " + p[1] + p[2]);
                        }
                    }
                }
            }
        }
        assertTrue(scanned > 100, "the scan saw the main classes (" + scanned + " in " + classes + ")");
        assertEquals(List.of(), found, "use org.topoomni.nn.Scalar for arithmetic with a constant");
    }

    /** "owner name descriptor" of every method a class file calls. */
    static List<String> methodRefs(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        out.add(owner + " " + method + " " + desc);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return out;
    }
}
