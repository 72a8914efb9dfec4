package org.topoomni.backbones.pretrained;

import org.topoomni.backbones.pretrained.OnnxModel.Node;
import org.topoomni.backbones.pretrained.OnnxModel.Tensor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A BERT encoder as an exported ONNX graph computes it, found by following the data flow from
 * the graph's inputs: embeddings (word + token type + position, LayerNorm), then per layer
 * self-attention (query/key/value projections, scores divided by a constant, additive mask,
 * softmax, output projection), residual + LayerNorm, a GELU feed-forward, residual + LayerNorm.
 *
 * <p>Every weight is identified by the node that consumes it, not by its name: exporters name
 * some initializers after the module ({@code encoder.layer.0.attention.self.query.bias}) and
 * others after the node that reads them ({@code onnx::MatMul_787}). A projection is a MatMul
 * whose second input is an initializer B of shape (in, out), so y = x B (already the transpose
 * of PyTorch's Linear weight), followed by an Add with a bias initializer of shape (out). Query,
 * key and value are told apart by where their results go: the key is the one transposed to
 * (b, h, d, s) and multiplied second into the scores, the value is multiplied with the softmax.
 * Constants (LayerNorm epsilon, the score divisor, the mask value, GELU's) are read from the graph.
 */
public record BertArchitecture(String idsInput, String maskInput, String typeInput,
                               String wordTable, String positionTable, String typeTable, Norm embedNorm,
                               int heads, float scoreDivisor, float maskValue, List<Layer> layers,
                               int hidden, int vocab, int maxPositions, String output) {

    /** y = x W + b with W (in, out) and b (out) initializer names. */
    public record Linear(String weight, String bias, int in, int out, String output) {}

    /** (x - mean) / sqrt(var + eps) * gain + bias over the last axis. */
    public record Norm(String gain, String bias, float eps, String output) {}

    /** One encoder layer; {@code output} is the value it hands to the next layer. */
    public record Layer(Linear query, Linear key, Linear value, Linear attnOut, Norm attnNorm,
                        Linear up, Linear down, Norm outNorm, String output) {
        public int ffn() {
            return up.out();
        }
    }

    public static BertArchitecture of(OnnxModel g) throws IOException {
        Reader r = new Reader(g);
        return r.read();
    }

    private static final class Reader {
        final OnnxModel g;
        String maskOut;

        Reader(OnnxModel g) {
            this.g = g;
        }

        IOException fail(String what) {
            return new IOException(g.source() + ": " + what + " (not the BERT graph this code runs)");
        }

        BertArchitecture read() throws IOException {
            // embeddings: Gather(table, input) for word and token type; position ids from a Slice of an arange
            String ids = null, types = null, mask = null, word = null, type = null;
            for (String in : g.inputs()) {
                for (Node c : g.consumers(in)) {
                    if (c.op().equals("Gather") && g.initializers().containsKey(c.inputs().get(0)) && c.inputs().get(1).equals(in)) {
                        Tensor t = g.initializer(c.inputs().get(0));
                        if (t.dims().length != 2) throw fail("embedding table '" + t.name() + "' is not 2-D");
                        if (word == null || t.dims()[0] > g.initializer(word).dims()[0]) {
                            if (word != null) { type = word; types = ids; }
                            word = t.name();
                            ids = in;
                        } else {
                            type = t.name();
                            types = in;
                        }
                    } else if (c.op().equals("Unsqueeze") || c.op().equals("Cast")) {
                        mask = in;
                    }
                }
            }
            if (word == null || type == null || mask == null) {
                throw fail("inputs " + g.inputs() + " are not input ids, token types and an attention mask feeding embedding lookups");
            }
            Node wordGather = only(consumers(ids, "Gather"), "the word embedding lookup");
            Node sum1 = only(consumers(wordGather.outputs().get(0), "Add"), "word + token type embeddings");
            Node sum2 = only(consumers(sum1.outputs().get(0), "Add"), "+ position embeddings");
            String posGatherOut = other(sum2, sum1.outputs().get(0));
            Node posGather = g.producer(posGatherOut);
            if (posGather == null || !posGather.op().equals("Gather") || !g.initializers().containsKey(posGather.inputs().get(0))) {
                throw fail("the third embedding is not a table lookup");
            }
            String position = posGather.inputs().get(0);
            checkPositions(posGather.inputs().get(1));
            int hidden = (int) g.initializer(word).dims()[1];
            requireShape(position, -1, hidden);
            requireShape(type, -1, hidden);
            Norm embedNorm = norm(sum2.outputs().get(0), hidden);

            float maskValue = maskValue(mask);
            List<Layer> layers = new ArrayList<>();
            String x = embedNorm.output();
            int heads = -1;
            float divisor = Float.NaN;
            while (true) {
                List<Node> mms = consumers(x, "MatMul");
                if (mms.isEmpty()) break;
                if (mms.size() != 3) throw fail("value '" + x + "' feeds " + mms.size() + " MatMuls; a layer's query, key and value are three");
                Linear[] qkv = new Linear[3];
                Linear q = null, k = null, v = null;
                for (int i = 0; i < 3; i++) qkv[i] = linear(mms.get(i), x, hidden);
                Node scores = null, context = null;
                for (Linear p : qkv) {
                    Node reshape = only(consumers(p.output(), "Reshape"), "the split into heads of '" + p.output() + "'");
                    Node tr = only(consumers(reshape.outputs().get(0), "Transpose"), "the head transpose of '" + p.output() + "'");
                    long[] perm = tr.attribute("perm") == null ? null : tr.attribute("perm").ints();
                    int h = headsOf(reshape, hidden);
                    if (heads < 0) heads = h;
                    else if (heads != h) throw fail("layers disagree on the number of heads");
                    Node use = only(consumers(tr.outputs().get(0), "MatMul"), "the use of '" + p.output() + "' heads");
                    if (Arrays.equals(perm, new long[] {0, 2, 3, 1}) && use.inputs().get(1).equals(tr.outputs().get(0))) {
                        k = p;
                        scores = use;
                    } else if (Arrays.equals(perm, new long[] {0, 2, 1, 3}) && use.inputs().get(0).equals(tr.outputs().get(0))) {
                        q = p;
                        if (scores != null && scores != use) throw fail("query and key meet in different MatMuls");
                        scores = use;
                    } else if (Arrays.equals(perm, new long[] {0, 2, 1, 3}) && use.inputs().get(1).equals(tr.outputs().get(0))) {
                        v = p;
                        context = use;
                    } else {
                        throw fail("projection '" + p.output() + "' is neither query, key nor value");
                    }
                }
                if (q == null || k == null || v == null) throw fail("could not tell query, key and value apart after '" + x + "'");
                // scores / c + mask -> softmax(last axis) -> @ v
                Node div = only(consumers(scores.outputs().get(0), "Div"), "the score scaling");
                float c = constant(div.inputs().get(1), "the score divisor");
                if (Float.isNaN(divisor)) divisor = c;
                Node addMask = only(consumers(div.outputs().get(0), "Add"), "the attention mask");
                if (!other(addMask, div.outputs().get(0)).equals(maskOut)) throw fail("the scores of layer " + layers.size() + " are not masked by the attention mask");
                Node softmax = only(consumers(addMask.outputs().get(0), "Softmax"), "the softmax");
                long axis = softmax.attribute("axis") == null ? -1 : softmax.attribute("axis").i();
                if (axis != 3 && axis != -1) throw fail("softmax over axis " + axis + ", not the keys");
                if (!softmax.outputs().get(0).equals(context.inputs().get(0))) throw fail("the value is not weighted by the softmax");
                Node merge = only(consumers(context.outputs().get(0), "Transpose"), "the merge of heads");
                Node flat = only(consumers(merge.outputs().get(0), "Reshape"), "the merge of heads");
                Linear o = linear(only(consumers(flat.outputs().get(0), "MatMul"), "the attention output projection"), flat.outputs().get(0), hidden);
                Node res1 = residual(o.output(), x);
                Norm n1 = norm(res1.outputs().get(0), hidden);
                Linear up = linear(only(consumers(n1.output(), "MatMul"), "the feed-forward up projection"), n1.output(), hidden);
                String act = gelu(up.output());
                Linear down = linear(only(consumers(act, "MatMul"), "the feed-forward down projection"), act, up.out());
                if (down.out() != hidden) throw fail("feed-forward of layer " + layers.size() + " does not return to " + hidden);
                Node res2 = residual(down.output(), n1.output());
                Norm n2 = norm(res2.outputs().get(0), hidden);
                layers.add(new Layer(q, k, v, o, n1, up, down, n2, n2.output()));
                x = n2.output();
            }
            if (layers.isEmpty()) throw fail("no encoder layer follows the embeddings");
            if (g.outputs().isEmpty() || !g.outputs().contains(x)) throw fail("the last layer's output '" + x + "' is not a graph output " + g.outputs());
            if (hidden % heads != 0) throw fail(hidden + " is not divisible by " + heads + " heads");
            return new BertArchitecture(ids, mask, types, word, position, type, embedNorm, heads, divisor, maskValue,
                    List.copyOf(layers), hidden, (int) g.initializer(word).dims()[0], (int) g.initializer(position).dims()[0], x);
        }

        /** Position ids must be 0, 1, 2, ... (a Slice of an arange initializer from 0). */
        void checkPositions(String value) throws IOException {
            Node slice = g.producer(value);
            Tensor ar = slice == null ? g.constant(value) : g.constant(slice.inputs().get(0));
            if (ar == null || ar.longs() == null) throw fail("position ids are not a constant range");
            for (int i = 0; i < ar.longs().length; i++) if (ar.longs()[i] != i) throw fail("position ids are not 0, 1, 2, ...");
            if (slice != null) {
                if (!slice.op().equals("Slice")) throw fail("position ids come from " + slice.op() + ", not a Slice");
                Tensor start = g.constant(slice.inputs().get(1));
                if (start == null || start.longs() == null || start.longs()[0] != 0) throw fail("position ids do not start at 0");
            }
        }

        /** The additive mask: (1 - mask) * value. */
        float maskValue(String mask) throws IOException {
            String cur = mask;
            for (int guard = 0; guard < 6; guard++) {
                Node n = only(g.consumers(cur), "the mask's next step");
                switch (n.op()) {
                    case "Unsqueeze", "Cast" -> cur = n.outputs().get(0);
                    case "Sub" -> {
                        if (constant(n.inputs().get(0), "the mask's 1") != 1f) throw fail("mask is not 1 - mask");
                        cur = n.outputs().get(0);
                    }
                    case "Mul" -> {
                        maskOut = n.outputs().get(0);
                        return constant(other(n, cur), "the mask value");
                    }
                    default -> throw fail("unexpected " + n.op() + " in the attention mask");
                }
            }
            throw fail("the attention mask is not (1 - mask) * c");
        }

        int headsOf(Node reshape, int hidden) throws IOException {
            Node concat = g.producer(reshape.inputs().get(1));
            if (concat == null || !concat.op().equals("Concat") || concat.inputs().size() != 4) throw fail("head split shape is not (b, s, heads, dim)");
            Tensor h = g.constant(concat.inputs().get(2)), d = g.constant(concat.inputs().get(3));
            if (h == null || d == null || h.longs() == null || d.longs() == null || h.longs()[0] * d.longs()[0] != hidden) {
                throw fail("heads x head size is not " + hidden);
            }
            return (int) h.longs()[0];
        }

        Linear linear(Node mm, String in, int inWidth) throws IOException {
            if (!mm.inputs().get(0).equals(in) || !g.initializers().containsKey(mm.inputs().get(1))) {
                throw fail("MatMul '" + mm.name() + "' does not multiply '" + in + "' by a weight");
            }
            Tensor w = g.initializer(mm.inputs().get(1));
            if (w.dims().length != 2 || w.dims()[0] != inWidth || w.floats() == null) {
                throw fail("weight '" + w.name() + "' of '" + mm.name() + "' has shape " + Arrays.toString(w.dims()) + "; (" + inWidth + ", out) expected");
            }
            int out = (int) w.dims()[1];
            Node add = only(consumers(mm.outputs().get(0), "Add"), "the bias of '" + mm.name() + "'");
            String b = other(add, mm.outputs().get(0));
            requireShape(b, out);
            return new Linear(w.name(), b, inWidth, out, add.outputs().get(0));
        }

        Node residual(String a, String b) throws IOException {
            for (Node n : consumers(a, "Add")) if (n.inputs().contains(b)) return n;
            throw fail("no residual Add of '" + a + "' and '" + b + "'");
        }

        Norm norm(String x, int width) throws IOException {
            Node mean = only(consumers(x, "ReduceMean"), "LayerNorm's mean of '" + x + "'");
            Node sub = only(consumers(x, "Sub"), "LayerNorm's centring of '" + x + "'");
            if (!sub.inputs().get(1).equals(mean.outputs().get(0))) throw fail("LayerNorm of '" + x + "' does not subtract its mean");
            Node pow = only(consumers(sub.outputs().get(0), "Pow"), "LayerNorm's square");
            if (constant(pow.inputs().get(1), "the exponent") != 2f) throw fail("LayerNorm does not square");
            Node var = only(consumers(pow.outputs().get(0), "ReduceMean"), "LayerNorm's variance");
            Node addEps = only(consumers(var.outputs().get(0), "Add"), "LayerNorm's epsilon");
            float eps = constant(other(addEps, var.outputs().get(0)), "LayerNorm's epsilon");
            Node sqrt = only(consumers(addEps.outputs().get(0), "Sqrt"), "LayerNorm's sqrt");
            Node div = only(consumers(sqrt.outputs().get(0), "Div"), "LayerNorm's division");
            if (!div.inputs().get(0).equals(sub.outputs().get(0))) throw fail("LayerNorm divides the wrong value");
            Node mul = only(consumers(div.outputs().get(0), "Mul"), "LayerNorm's gain");
            Node add = only(consumers(mul.outputs().get(0), "Add"), "LayerNorm's bias");
            String gain = other(mul, div.outputs().get(0)), bias = other(add, mul.outputs().get(0));
            requireShape(gain, width);
            requireShape(bias, width);
            for (Node r : List.of(mean, var)) {
                long[] axes = r.attribute("axes") == null ? null : r.attribute("axes").ints();
                if (axes == null || axes.length != 1 || (axes[0] != -1 && axes[0] != 2)) throw fail("LayerNorm '" + r.name() + "' does not reduce the last axis");
            }
            return new Norm(gain, bias, eps, add.outputs().get(0));
        }

        /** GELU as x * (1 + erf(x / sqrt 2)) * 0.5; returns its output value. */
        String gelu(String x) throws IOException {
            Node div = only(consumers(x, "Div"), "GELU's x / sqrt 2");
            if (Math.abs(constant(div.inputs().get(1), "sqrt 2") - Math.sqrt(2)) > 1e-6) throw fail("GELU does not divide by sqrt 2");
            Node erf = only(consumers(div.outputs().get(0), "Erf"), "GELU's erf");
            Node add = only(consumers(erf.outputs().get(0), "Add"), "GELU's 1 + erf");
            if (constant(other(add, erf.outputs().get(0)), "1") != 1f) throw fail("GELU does not add 1");
            Node mul = only(consumers(add.outputs().get(0), "Mul"), "GELU's x * (1 + erf)");
            if (!mul.inputs().contains(x)) throw fail("GELU does not multiply by x");
            Node half = only(consumers(mul.outputs().get(0), "Mul"), "GELU's * 0.5");
            if (constant(other(half, mul.outputs().get(0)), "0.5") != 0.5f) throw fail("GELU does not halve");
            return half.outputs().get(0);
        }

        float constant(String value, String what) throws IOException {
            Tensor t = g.constant(value);
            if (t == null || t.size() != 1) throw fail(what + " ('" + value + "') is not a scalar constant");
            return t.floats() != null ? t.floats()[0] : t.longs()[0];
        }

        void requireShape(String init, long... dims) throws IOException {
            Tensor t = g.initializer(init);
            boolean ok = t.dims().length == dims.length && t.floats() != null;
            for (int i = 0; ok && i < dims.length; i++) ok = dims[i] < 0 || t.dims()[i] == dims[i];
            if (!ok) throw fail("initializer '" + init + "' has shape " + Arrays.toString(t.dims()) + "; " + Arrays.toString(dims) + " expected");
        }

        List<Node> consumers(String value, String op) {
            List<Node> out = new ArrayList<>();
            for (Node n : g.consumers(value)) if (n.op().equals(op)) out.add(n);
            return out;
        }

        String other(Node n, String x) throws IOException {
            if (n.inputs().size() != 2 || !n.inputs().contains(x)) throw fail("node '" + n.name() + "' does not take '" + x + "' and one other input");
            return n.inputs().get(0).equals(x) ? n.inputs().get(1) : n.inputs().get(0);
        }

        Node only(List<Node> nodes, String what) throws IOException {
            if (nodes.size() != 1) throw fail("expected one node for " + what + ", found " + nodes.size());
            return nodes.get(0);
        }
    }
}
