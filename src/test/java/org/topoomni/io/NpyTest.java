package org.topoomni.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class NpyTest {

    @TempDir
    Path dir;

    // Whole files written by numpy 2.4.6 (np.save to a BytesIO), as hex.
    // np.array([[1.5, -2, 0], [3.25, 1e-3, -7]], dtype='<f4')
    static final String F4_2x3 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0000c03f000000c000000000000050406f12833a0000e0c0";
    // np.array([True, False, True])
    static final String B1_3 = "934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a010001";
    // np.array([[-1, 0], [7, 123456]], dtype='<i4')
    static final String I4_2x2 = "934e554d5059010076007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200affffffff000000000700000040e20100";
    // np.array([1e-300, -0.5], dtype='<f8')
    static final String F8_2 = "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a59f3f8c21f6ea501000000000000e0bf";
    // np.zeros((0, 5), dtype='<f4')
    static final String F4_0x5 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028302c2035292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void filesAreByteForByteWhatNumpyWrites() throws Exception {
        Path f = dir.resolve("f4.npy");
        Npy.write(f, new float[] {1.5f, -2f, 0f, 3.25f, 1e-3f, -7f}, 2, 3);
        assertArrayEquals(hex(F4_2x3), Files.readAllBytes(f));
        Npy.write(f, new boolean[] {true, false, true}, 3);
        assertArrayEquals(hex(B1_3), Files.readAllBytes(f));
        Npy.write(f, new int[] {-1, 0, 7, 123456}, 2, 2);
        assertArrayEquals(hex(I4_2x2), Files.readAllBytes(f));
        Npy.write(f, new double[] {1e-300, -0.5}, 2);
        assertArrayEquals(hex(F8_2), Files.readAllBytes(f));
        Npy.write(f, new float[0], 0, 5);
        assertArrayEquals(hex(F4_0x5), Files.readAllBytes(f));
    }

    @Test
    void headerFollowsTheSpec() {
        for (int[] shape : new int[][] {{}, {7}, {2, 3}, {200, 155648}, {3, 1000000}, {1, 2, 3, 4}}) {
            byte[] h = Npy.header(Npy.DType.FLOAT32, shape);
            assertEquals(0, h.length % 64, "header padded to 64 bytes");
            assertEquals((byte) 0x93, h[0]);
            assertEquals("NUMPY", new String(h, 1, 5, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(1, h[6]);
            assertEquals(0, h[7]);
            int hlen = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
            assertEquals(h.length - 10, hlen);
            assertEquals('\n', h[h.length - 1]);
            String dict = new String(h, 10, hlen, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': " + Npy.shapeRepr(shape) + ", }"), dict);
        }
        assertEquals("()", Npy.shapeRepr(new int[0]));
        assertEquals("(5,)", Npy.shapeRepr(new int[] {5}));
        assertEquals("(2, 3)", Npy.shapeRepr(new int[] {2, 3}));
    }

    @Test
    void readsNumpysFilesBack() throws Exception {
        Npy.Array a = Npy.read(new ByteArrayInputStream(hex(F4_2x3)), "f4");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1.5f, -2f, 0f, 3.25f, 1e-3f, -7f}, a.asFloats());
        Npy.Array b = Npy.read(new ByteArrayInputStream(hex(B1_3)), "b1");
        assertArrayEquals(new boolean[] {true, false, true}, b.asBools());
        Npy.Array i = Npy.read(new ByteArrayInputStream(hex(I4_2x2)), "i4");
        assertArrayEquals(new int[] {-1, 0, 7, 123456}, i.asInts());
        Npy.Array d = Npy.read(new ByteArrayInputStream(hex(F8_2)), "f8");
        assertArrayEquals(new double[] {1e-300, -0.5}, d.asDoubles());
        assertEquals(0, Npy.read(new ByteArrayInputStream(hex(F4_0x5)), "empty").size());
    }

    @Test
    void roundTripsLargeArraysAcrossBufferBoundaries() throws Exception {
        int n = 3 * 40_001;
        float[] f = new float[n];
        double[] d = new double[n];
        int[] k = new int[n];
        boolean[] b = new boolean[n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            f[i] = (float) rng.nextGaussian();
            d[i] = rng.nextGaussian() * 1e-200;
            k[i] = rng.nextInt();
            b[i] = rng.nextBoolean();
        }
        f[5] = Float.NaN;
        Npy.write(dir.resolve("f.npy"), f, 3, 40_001);
        Npy.write(dir.resolve("d.npy"), d, n);
        Npy.write(dir.resolve("k.npy"), k, 40_001, 3);
        Npy.write(dir.resolve("b.npy"), b, 3, 1, 40_001);
        assertArrayEquals(f, Npy.read(dir.resolve("f.npy")).asFloats());
        assertArrayEquals(new int[] {3, 40_001}, Npy.read(dir.resolve("f.npy")).shape());
        assertArrayEquals(d, Npy.read(dir.resolve("d.npy")).asDoubles());
        assertArrayEquals(k, Npy.read(dir.resolve("k.npy")).asInts());
        assertArrayEquals(b, Npy.read(dir.resolve("b.npy")).asBools());
        assertArrayEquals(new int[] {3, 1, 40_001}, Npy.read(dir.resolve("b.npy")).shape());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left behind");
        }
    }

    @Test
    void readsBigEndianAndVersion2Headers() throws Exception {
        // version 2.0 header (4-byte length) holding a big-endian float32 array, as numpy can write it
        String dict = "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }";
        int total = 12 + dict.length() + 1;
        int pad = 64 - total % 64;
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(total + pad + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(dict.length() + 1 + pad);
        buf.put(dict.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pad; i++) buf.put((byte) ' ');
        buf.put((byte) '\n');
        buf.order(java.nio.ByteOrder.BIG_ENDIAN).putFloat(2.5f).putFloat(-1f);
        Npy.Array a = Npy.read(new ByteArrayInputStream(buf.array()), "v2");
        assertArrayEquals(new float[] {2.5f, -1f}, a.asFloats());
    }

    @Test
    void badInputIsAClearError() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("x.npy"), new float[5], 2, 3));
        assertTrue(e.getMessage().contains("does not have shape (2, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream("hello world".getBytes()), "x.npy"));
        assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
        byte[] cut = java.util.Arrays.copyOf(hex(F4_2x3), hex(F4_2x3).length - 3);
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(cut), "cut.npy"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] fortran = new String(hex(F4_2x3), java.nio.charset.StandardCharsets.ISO_8859_1).replace("'fortran_order': False", "'fortran_order': True ")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(fortran), "f.npy"));
        assertTrue(e.getMessage().contains("Fortran-order"), e.getMessage());
        byte[] u2 = new String(hex(F4_2x3), java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f4", "<u2")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(u2), "u.npy"));
        assertTrue(e.getMessage().contains("unsupported dtype '<u2'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(dir.resolve("missing.npy")));
        assertTrue(e.getMessage().contains("no .npy file"), e.getMessage());
    }
}
