package org.topoomni.backbones.pretrained;

import org.topoomni.backbones.pretrained.TfjsGraphModel.Node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The layers of a MobileNetV3 backbone as its TensorFlow.js graph defines them, found by
 * following the data flow from the input placeholder: the stem convolution, each
 * inverted-residual block (optional 1x1 expansion, depthwise k x k, optional squeeze-excite,
 * 1x1 projection, optional residual add) and the 1x1 {@code extern1} expansion after the last
 * block. Kernel sizes, strides, widths, activations and their constants all come from the
 * graph's nodes and weights, and every weight's shape is checked against the channels flowing
 * into it, so a graph that differs from what the code runs fails here with a message naming
 * the node.
 *
 * <p>Batch norm is already folded into the convolutions ({@code _FusedConv2D} with a bias, the
 * graph's {@code _bn_offset}). Hard-swish appears as {@code Mul(c, x)}, {@code Add(x, a)},
 * {@code Relu6}, {@code Mul}: x * c * relu6(x + a), with c and a constants of the graph
 * (stored as float16: c is 0.16662598, not exactly 1/6). The squeeze-excite gate is
 * relu6(z + a) * c the same way.
 */
public record MobileNetV3Architecture(String input, Conv stem, List<Block> blocks, Conv head) {

    /** An activation: NONE, RELU, RELU6, or HARD_SWISH x * scale * relu6(x + shift). */
    public enum Kind { NONE, RELU, RELU6, HARD_SWISH }

    public record Activation(Kind kind, float scale, float shift) {
        static final Activation NONE = new Activation(Kind.NONE, 1f, 0f);
        static final Activation RELU = new Activation(Kind.RELU, 1f, 0f);
        static final Activation RELU6 = new Activation(Kind.RELU6, 1f, 0f);
    }

    /**
     * One convolution with folded batch norm: {@code weight} and {@code bias} are graph weight
     * names (bias null when the graph adds none); {@code output} is the graph node holding the
     * activated result. Depthwise convolutions have {@code out = in * multiplier}.
     */
    public record Conv(String node, String weight, String bias, int in, int out, int kernel, int stride,
                       boolean depthwise, boolean same, Activation activation, String output) {}

    /** Squeeze-excite: mean over space, reduce (relu), expand, gate = relu6(z + shift) * scale, times the input. */
    public record SqueezeExcite(Conv reduce, Conv expand, float shift, float scale, String output) {}

    /** An inverted-residual block; {@code expand} and {@code se} may be null. {@code output} is its graph node. */
    public record Block(String scope, Conv expand, Conv depthwise, SqueezeExcite se, Conv project, boolean residual, String output) {
        public int in() {
            return expand != null ? expand.in() : depthwise.in();
        }

        public int out() {
            return project.out();
        }
    }

    /** Channels after the stem, each block and the head, in site order. */
    public int[] widths() {
        int[] w = new int[blocks.size() + 2];
        w[0] = stem.out();
        for (int i = 0; i < blocks.size(); i++) w[i + 1] = blocks.get(i).out();
        w[w.length - 1] = head.out();
        return w;
    }

    /** The graph node whose value each site sees, in site order. */
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        out.add(stem.output());
        for (Block b : blocks) out.add(b.output());
        out.add(head.output());
        return out;
    }

    // ------------------------------------------------------------------ reading the graph

    private static final Set<String> POINTWISE = Set.of("_FusedConv2D", "Conv2D");
    private static final Set<String> DEPTHWISE = Set.of("FusedDepthwiseConv2dNative", "DepthwiseConv2dNative");

    /**
     * Finds the backbone in a graph. {@code backboneScope} names the part of the graph that holds
     * the blocks (e.g. "MobilenetV3/"), {@code headScope} the unit after the last block ("extern1/").
     */
    public static MobileNetV3Architecture of(TfjsGraphModel g, String backboneScope, String headScope) throws IOException {
        Node input = null;
        for (Node n : g.nodes().values()) {
            if (n.op().equals("Placeholder")) {
                if (input != null) throw new IOException(g.file() + ": the graph has more than one input placeholder (" + input.name() + ", " + n.name() + ")");
                input = n;
            }
        }
        if (input == null) throw new IOException(g.file() + ": the graph has no input placeholder");
        Node stemNode = only(g, convConsumers(g, input.name(), backboneScope), "a convolution of the input inside '" + backboneScope + "'", input.name());
        if (!POINTWISE.contains(stemNode.op())) throw new IOException(g.file() + ": the first convolution '" + stemNode.name() + "' is " + stemNode.op() + ", not a dense convolution");
        Conv stem = conv(g, stemNode, 3, scopeOf(stemNode.name(), backboneScope));

        List<Block> blocks = new ArrayList<>();
        String x = stem.output();
        int channels = stem.out();
        while (true) {
            List<Node> next = convConsumers(g, x, backboneScope);
            if (next.isEmpty()) break;
            Node first = only(g, next, "one convolution", x);
            Block b = block(g, x, channels, first, scopeOf(first.name(), backboneScope));
            blocks.add(b);
            x = b.output();
            channels = b.out();
        }
        if (blocks.isEmpty()) throw new IOException(g.file() + ": no inverted-residual block follows the stem '" + stem.node() + "'");
        Node headNode = only(g, convConsumers(g, x, headScope), "the 1x1 convolution '" + headScope + "' after the last block", x);
        Conv head = conv(g, headNode, channels, headNode.name().substring(0, headNode.name().indexOf(headScope) + headScope.length()));
        if (head.depthwise() || head.kernel() != 1) throw new IOException(g.file() + ": '" + head.node() + "' should be a 1x1 convolution");
        return new MobileNetV3Architecture(input.name(), stem, List.copyOf(blocks), head);
    }

    /** The convolutions reading {@code name} whose node names contain {@code scope}. */
    private static List<Node> convConsumers(TfjsGraphModel g, String name, String scope) {
        List<Node> out = new ArrayList<>();
        for (Node c : g.consumers(name)) {
            if (c.name().contains(scope) && (POINTWISE.contains(c.op()) || DEPTHWISE.contains(c.op()))) out.add(c);
        }
        return out;
    }

    /** "tower_0/MobilenetV3/expanded_conv_3/expand/Relu" with scope "MobilenetV3/" gives "tower_0/MobilenetV3/expanded_conv_3/". */
    private static String scopeOf(String node, String scope) {
        int at = node.indexOf(scope);
        int end = node.indexOf('/', at + scope.length());
        return end < 0 ? node.substring(0, at + scope.length()) : node.substring(0, end + 1);
    }

    private static Block block(TfjsGraphModel g, String x, int channels, Node first, String scope) throws IOException {
        Conv expand = null;
        Node dwNode = first;
        int c = channels;
        if (POINTWISE.contains(first.op())) {
            expand = conv(g, first, c, scope);
            if (expand.kernel() != 1) throw new IOException(g.file() + ": expansion '" + first.name() + "' is " + expand.kernel() + "x" + expand.kernel() + ", expected 1x1");
            c = expand.out();
            dwNode = only(g, inScope(g.consumers(expand.output()), scope, DEPTHWISE), "a depthwise convolution", expand.output());
        }
        if (!DEPTHWISE.contains(dwNode.op())) throw new IOException(g.file() + ": '" + dwNode.name() + "' should be a depthwise convolution");
        Conv depthwise = conv(g, dwNode, c, scope);
        c = depthwise.out();
        String cur = depthwise.output();
        SqueezeExcite se = null;
        List<Node> means = inScope(g.consumers(cur), scope, Set.of("Mean"));
        if (!means.isEmpty()) {
            se = squeezeExcite(g, cur, c, only(g, means, "one Mean", cur), scope);
            cur = se.output();
        }
        Node projNode = only(g, inScope(g.consumers(cur), scope, POINTWISE), "a 1x1 projection", cur);
        Conv project = conv(g, projNode, c, scope);
        if (project.kernel() != 1 || project.activation().kind() != Kind.NONE) {
            throw new IOException(g.file() + ": projection '" + projNode.name() + "' should be a linear 1x1 convolution");
        }
        String out = project.output();
        boolean residual = false;
        for (Node a : inScope(g.consumers(out), scope, Set.of("Add", "AddV2"))) {
            if (a.inputs().size() == 2 && a.inputs().contains(x)) {
                if (project.out() != channels || depthwise.stride() != 1) {
                    throw new IOException(g.file() + ": residual '" + a.name() + "' adds tensors of different shapes");
                }
                residual = true;
                out = a.name();
            }
        }
        return new Block(scope, expand, depthwise, se, project, residual, out);
    }

    private static SqueezeExcite squeezeExcite(TfjsGraphModel g, String x, int c, Node mean, String scope) throws IOException {
        String axesName = mean.inputs().size() == 2 ? mean.inputs().get(1) : null;
        TfjsGraphModel.Tensor axes = axesName == null ? null : g.weight(axesName);
        if (axes == null || axes.ints() == null || !Arrays.equals(axes.ints(), new int[] {1, 2}) || !mean.bool("keep_dims", false)) {
            throw new IOException(g.file() + ": squeeze-excite '" + mean.name() + "' should average over height and width (axes [1, 2], keep_dims)");
        }
        Conv reduce = conv(g, only(g, inScope(g.consumers(mean.name()), scope, POINTWISE), "the squeeze convolution", mean.name()), c, scope);
        Conv expand = conv(g, only(g, inScope(g.consumers(reduce.output()), scope, POINTWISE), "the excite convolution", reduce.output()), reduce.out(), scope);
        if (reduce.kernel() != 1 || expand.kernel() != 1 || expand.out() != c || expand.activation().kind() != Kind.NONE) {
            throw new IOException(g.file() + ": squeeze-excite of '" + x + "' does not map " + c + " channels back to " + c);
        }
        // hard sigmoid: Add(z, a) -> Relu6 -> Mul(c, .)
        Node add = only(g, inScope(g.consumers(expand.output()), scope, Set.of("Add", "AddV2")), "the gate's Add", expand.output());
        float shift = g.scalar(other(g, add, expand.output()));
        Node relu6 = only(g, inScope(g.consumers(add.name()), scope, Set.of("Relu6")), "the gate's Relu6", add.name());
        Node mul = only(g, inScope(g.consumers(relu6.name()), scope, Set.of("Mul")), "the gate's Mul", relu6.name());
        float scale = g.scalar(other(g, mul, relu6.name()));
        Node apply = null;
        for (Node n : inScope(g.consumers(mul.name()), scope, Set.of("Mul"))) if (n.inputs().contains(x)) apply = n;
        if (apply == null) throw new IOException(g.file() + ": the squeeze-excite gate '" + mul.name() + "' never multiplies '" + x + "'");
        return new SqueezeExcite(reduce, expand, shift, scale, apply.name());
    }

    /**
     * One convolution node: checks its attributes (NHWC, unit dilations, SAME or VALID padding)
     * and weight shapes against {@code in} channels, and follows its activation (fused Relu or
     * Relu6, or a hard-swish subgraph after it).
     */
    private static Conv conv(TfjsGraphModel g, Node n, int in, String scope) throws IOException {
        String where = g.file() + ": node '" + n.name() + "'";
        String fmt = n.string("data_format");
        if (fmt != null && !fmt.equals("NHWC")) throw new IOException(where + " has data_format " + fmt + "; only NHWC is supported");
        long[] dil = n.ints("dilations");
        if (dil != null) for (long d : dil) if (d != 1) throw new IOException(where + " is dilated " + Arrays.toString(dil) + "; not supported");
        long[] strides = n.ints("strides");
        if (strides == null || strides.length != 4 || strides[1] != strides[2] || strides[0] != 1 || strides[3] != 1) {
            throw new IOException(where + " has strides " + Arrays.toString(strides) + "; expected [1, s, s, 1]");
        }
        String padding = n.string("padding");
        if (!"SAME".equals(padding) && !"VALID".equals(padding)) throw new IOException(where + " has padding " + padding + "; only SAME and VALID are supported");
        boolean depthwise = DEPTHWISE.contains(n.op());
        if (n.inputs().size() < 2) throw new IOException(where + " has no weights input");
        TfjsGraphModel.Tensor w = g.weight(n.inputs().get(1));
        long[] s = w.shape();
        if (s.length != 4 || s[0] != s[1]) throw new IOException(where + ": weight '" + w.name() + "' has shape " + Arrays.toString(s) + "; expected [k, k, in, out]");
        if (s[2] != in) {
            throw new IOException(where + ": weight '" + w.name() + "' has shape " + Arrays.toString(s) + " but " + in + " channels flow into it");
        }
        int out = (int) (depthwise ? s[2] * s[3] : s[3]);
        g.floatWeight(w.name(), s);
        List<String> fused = n.strings("fused_ops");
        String bias = null;
        boolean fusedOp = n.op().startsWith("_Fused") || n.op().startsWith("Fused");
        if (fusedOp) {
            if (fused.isEmpty() || !fused.get(0).equals("BiasAdd") || n.integer("num_args", 1) != 1 || n.inputs().size() != 3) {
                throw new IOException(where + " fuses " + fused + " with " + n.inputs().size() + " inputs; only BiasAdd (+ Relu/Relu6) is supported");
            }
            bias = n.inputs().get(2);
            g.floatWeight(bias, out);
        }
        Activation act = Activation.NONE;
        String output = n.name();
        String fusedAct = fused.size() > 1 ? fused.get(1) : null;
        if (fused.size() > 2) throw new IOException(where + " fuses " + fused + "; not supported");
        if ("Relu".equals(fusedAct)) act = Activation.RELU;
        else if ("Relu6".equals(fusedAct)) act = Activation.RELU6;
        else if (fusedAct != null) throw new IOException(where + " fuses activation " + fusedAct + "; not supported");
        else {
            Object[] hs = hardSwish(g, n.name(), scope);
            if (hs != null) {
                act = (Activation) hs[0];
                output = (String) hs[1];
            }
        }
        return new Conv(n.name(), w.name(), bias, in, out, (int) s[0], (int) strides[1], depthwise, "SAME".equals(padding), act, output);
    }

    /** Hard-swish after node x: Mul(c, x), Add(x, a), Relu6(add), Mul(mul, relu6); null when absent. */
    private static Object[] hardSwish(TfjsGraphModel g, String x, String scope) throws IOException {
        Node mul = null, add = null;
        for (Node c : inScope(g.consumers(x), scope, Set.of("Mul", "Add", "AddV2"))) {
            if (c.inputs().size() != 2 || !isConst(g, other(g, c, x))) continue;
            if (c.op().equals("Mul")) mul = c;
            else add = c;
        }
        if (mul == null || add == null) return null;
        Node relu6 = only(g, inScope(g.consumers(add.name()), scope, Set.of("Relu6")), "the hard-swish Relu6", add.name());
        Node out = null;
        for (Node c : inScope(g.consumers(relu6.name()), scope, Set.of("Mul"))) {
            if (c.inputs().contains(mul.name())) out = c;
        }
        if (out == null) throw new IOException(g.file() + ": hard-swish after '" + x + "' lacks its final Mul");
        return new Object[] {new Activation(Kind.HARD_SWISH, g.scalar(other(g, mul, x)), g.scalar(other(g, add, x))), out.name()};
    }

    private static boolean isConst(TfjsGraphModel g, String name) {
        return g.hasNode(name) && g.nodes().get(name).op().equals("Const");
    }

    /** The input of a two-input node that is not {@code x}. */
    private static String other(TfjsGraphModel g, Node n, String x) throws IOException {
        if (n.inputs().size() != 2 || !n.inputs().contains(x)) throw new IOException(g.file() + ": node '" + n.name() + "' should have two inputs, one of them '" + x + "'");
        return n.inputs().get(0).equals(x) ? n.inputs().get(1) : n.inputs().get(0);
    }

    private static List<Node> inScope(List<Node> nodes, String scope, Set<String> ops) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) if (n.name().startsWith(scope) && ops.contains(n.op())) out.add(n);
        return out;
    }

    private static Node only(TfjsGraphModel g, List<Node> nodes, String what, String after) throws IOException {
        if (nodes.size() != 1) {
            List<String> names = new ArrayList<>();
            for (Node n : nodes) names.add(n.name());
            throw new IOException(g.file() + ": expected " + what + " after '" + after + "', found " + (names.isEmpty() ? "none" : names));
        }
        return nodes.get(0);
    }
}
