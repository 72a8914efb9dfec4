package org.topoomni.backbones.pretrained;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.topoomni.backbones.pretrained.MobileNetV3Architecture.Activation;
import org.topoomni.backbones.pretrained.MobileNetV3Architecture.Block;
import org.topoomni.backbones.pretrained.MobileNetV3Architecture.Conv;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;
import org.topoomni.model.Weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV3 on DJL with the weights of a TensorFlow.js graph model: the backbone of the
 * CenterNet detector in npm {@code @vladmandic/human} (MobileNetV3-Large x0.75, COCO), whose
 * layers {@link MobileNetV3Architecture} reads from the graph.
 *
 * <p>Input: raw RGB pixel values 0..255 (the first convolution's weights include the model's
 * own scaling; 0..1 input is wrong), float32, <b>NCHW</b> (N, 3, H, W); any H and W. Padding
 * is TensorFlow's SAME: output size ceil(in / stride), and where the padding is odd (stride 2
 * on an even size) the extra row and column go at the bottom and right, done here by padding
 * explicitly before an unpadded convolution.
 *
 * <p>Sites (stack {@value #STACK}): layer 0 is the stem (conv 3x3 stride 2 + hard-swish),
 * layers 1..15 the inverted-residual blocks, layer 16 {@code extern1} (1x1 to 480 channels +
 * hard-swish, the detector head's input). A hook sees each as (N, H*W, C), rows = images,
 * tokens = positions in row-major order; what it returns goes on into the next layer.
 * The parameters are frozen (no gradients).
 */
public final class MobileNetV3 implements AutoCloseable {
    public static final String STACK = "vision";

    private final MobileNetV3Architecture arch;
    private final Weights w;

    private MobileNetV3(NDManager manager, MobileNetV3Architecture arch, TfjsGraphModel graph) throws IOException {
        this.arch = arch;
        this.w = new Weights(manager);
        try {
            putConv("stem", arch.stem(), graph);
            for (int i = 0; i < arch.blocks().size(); i++) {
                Block b = arch.blocks().get(i);
                String p = "blocks." + i + ".";
                if (b.expand() != null) putConv(p + "expand", b.expand(), graph);
                putConv(p + "depthwise", b.depthwise(), graph);
                if (b.se() != null) {
                    putConv(p + "se.reduce", b.se().reduce(), graph);
                    putConv(p + "se.expand", b.se().expand(), graph);
                }
                putConv(p + "project", b.project(), graph);
            }
            putConv("head", arch.head(), graph);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** The CenterNet backbone of {@code @vladmandic/human} from its {@code model.json} (and .bin beside it). */
    public static MobileNetV3 load(NDManager manager, Path modelJson) throws IOException {
        TfjsGraphModel graph = TfjsGraphModel.read(modelJson);
        return new MobileNetV3(manager, MobileNetV3Architecture.of(graph, "MobilenetV3/", "extern1/"), graph);
    }

    /** The backbone of the file {@code ./setup} unpacks ({@link PretrainedFiles#centernet()}). */
    public static MobileNetV3 centernet(NDManager manager) throws IOException {
        return load(manager, PretrainedFiles.centernet());
    }

    public MobileNetV3Architecture architecture() {
        return arch;
    }

    public Weights weights() {
        return w;
    }

    public long parameterCount() {
        return w.count();
    }

    /** Channels of every site: stem, 15 blocks, head. */
    public int[] widths() {
        return arch.widths();
    }

    public List<LayerSite> sites() {
        List<LayerSite> s = new ArrayList<>();
        for (int l = 0; l < widths().length; l++) s.add(new LayerSite(STACK, l));
        return s;
    }

    /** Stores a convolution's weights in PyTorch's layout: (out, in/groups, kh, kw), from TensorFlow's (kh, kw, in, out|multiplier). */
    private void putConv(String name, Conv c, TfjsGraphModel graph) throws IOException {
        TfjsGraphModel.Tensor t = graph.weight(c.weight());
        long[] s = t.shape();
        int k = (int) s[0], in = (int) s[2], last = (int) s[3];
        float[] src = t.floats(), dst = new float[src.length];
        if (c.depthwise()) {
            // (k, k, in, m) -> (in * m, 1, k, k): output channel ch * m + j, as TensorFlow orders them
            for (int y = 0; y < k; y++) for (int x = 0; x < k; x++) for (int ch = 0; ch < in; ch++) for (int j = 0; j < last; j++) {
                dst[((ch * last + j) * k + y) * k + x] = src[((y * k + x) * in + ch) * last + j];
            }
            w.put(name + ".w", dst, (long) in * last, 1, k, k);
        } else {
            for (int y = 0; y < k; y++) for (int x = 0; x < k; x++) for (int ch = 0; ch < in; ch++) for (int o = 0; o < last; o++) {
                dst[((o * in + ch) * k + y) * k + x] = src[((y * k + x) * in + ch) * last + o];
            }
            w.put(name + ".w", dst, last, in, k, k);
        }
        if (c.bias() != null) w.put(name + ".b", graph.weight(c.bias()).floats(), c.out());
    }

    // ------------------------------------------------------------------ forward

    /**
     * Runs the backbone on raw RGB 0..255 images (N, 3, H, W), calling {@code hook} after the stem,
     * every block and the head. Returns the head's output (N, 480, H/32 rounded up, ...), NCHW.
     */
    public NDArray forward(NDManager m, NDArray images, LayerHook hook) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || shape.get(1) != 3) {
            throw new IllegalArgumentException("MobileNetV3 takes images (N, 3, H, W) of raw RGB 0..255; got " + shape);
        }
        int n = (int) shape.get(0);
        TokenMapCache tokens = new TokenMapCache(n);
        NDArray x = images.toType(DataType.FLOAT32, false);
        x = conv(x, arch.stem(), "stem");
        x = site(0, x, hook, tokens);
        for (int i = 0; i < arch.blocks().size(); i++) {
            x = block(x, arch.blocks().get(i), "blocks." + i + ".");
            x = site(i + 1, x, hook, tokens);
        }
        x = conv(x, arch.head(), "head");
        return site(arch.blocks().size() + 1, x, hook, tokens);
    }

    private NDArray block(NDArray in, Block b, String p) {
        NDArray x = in;
        if (b.expand() != null) x = conv(x, b.expand(), p + "expand");
        x = conv(x, b.depthwise(), p + "depthwise");
        if (b.se() != null) {
            NDArray s = x.mean(new int[] {3}, true).mean(new int[] {2}, true); // PyTorch engine: one axis per mean
            s = conv(s, b.se().reduce(), p + "se.reduce");
            s = conv(s, b.se().expand(), p + "se.expand");
            NDArray gate = Scalar.mul(s.add(b.se().shift()).clip(0f, 6f), b.se().scale());
            x = gate.mul(x);
        }
        x = conv(x, b.project(), p + "project");
        return b.residual() ? x.add(in) : x;
    }

    /** A convolution with TensorFlow padding and the graph's activation. */
    private NDArray conv(NDArray x, Conv c, String name) {
        NDArray weight = w.get(name + ".w");
        NDArray bias = c.bias() == null ? null : w.get(name + ".b");
        int k = c.kernel(), s = c.stride();
        int[] ph = {0, 0}, pw = {0, 0};
        if (c.same()) {
            ph = samePadding((int) x.getShape().get(2), k, s);
            pw = samePadding((int) x.getShape().get(3), k, s);
        }
        Shape pad;
        if (ph[0] == ph[1] && pw[0] == pw[1]) {
            pad = new Shape(ph[0], pw[0]);
        } else {
            // torch pads the last axis first: (left, right, top, bottom)
            x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
            pad = new Shape(0, 0);
        }
        int groups = c.depthwise() ? c.in() : 1;
        NDArray y = Conv2d.conv2d(x, weight, bias, new Shape(s, s), pad, new Shape(1, 1), groups).singletonOrThrow();
        return activate(y, c.activation());
    }

    /** TensorFlow SAME padding of one axis: (before, after), the odd one after. */
    static int[] samePadding(int size, int kernel, int stride) {
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private static NDArray activate(NDArray x, Activation a) {
        return switch (a.kind()) {
            case NONE -> x;
            case RELU -> Scalar.maximum(x, 0);
            case RELU6 -> x.clip(0f, 6f);
            // the graph's order: Mul(c, x) * Relu6(x + a)
            case HARD_SWISH -> Scalar.mul(x, a.scale()).mul(x.add(a.shift()).clip(0f, 6f));
        };
    }

    /** Hands a site's output to the hook as (N, H*W, C) and takes the result back as NCHW. */
    private NDArray site(int layer, NDArray x, LayerHook hook, TokenMapCache tokens) {
        if (hook == LayerHook.NONE) return x;
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), wd = s.get(3);
        NDArray t = x.reshape(n, c, h * wd).transpose(0, 2, 1);
        NDArray out = hook.apply(new LayerSite(STACK, layer), t, tokens.of((int) (h * wd)));
        if (out == t) return x;
        if (!out.getShape().equals(t.getShape())) {
            throw new IllegalStateException("hook at " + STACK + " layer " + layer + " returned " + out.getShape() + " for an output of " + t.getShape());
        }
        return out.transpose(0, 2, 1).reshape(n, c, h, wd);
    }

    /** One TokenMap per token count (every position of every image is real). */
    private static final class TokenMapCache {
        private final int[] items;
        private TokenMap last;

        TokenMapCache(int n) {
            items = new int[n];
            for (int i = 0; i < n; i++) items[i] = i;
        }

        TokenMap of(int tokens) {
            if (last == null || last.tokens() != tokens) last = TokenMap.full(items, tokens);
            return last;
        }
    }

    @Override
    public void close() {
        w.close();
    }
}
