package org.topoomni.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The device a model runs on, from a {@code --device} value: {@code cpu}, {@code gpu} (the first
 * GPU) or {@code gpu:N}; none given means a GPU when the engine sees one, else the CPU. Create the
 * model's manager with it ({@code NDManager.newBaseManager(device)}): every array of the model and
 * of its forward passes then lives there.
 *
 * <p>The PyTorch engine finds a GPU only when it runs on a CUDA build of libtorch (README, "Running
 * on GPUs"); with the CPU build from Maven, {@code gpu} is an error naming that.
 */
public final class Devices {
    private Devices() {}

    public static Device parse(String name) {
        int gpus = Engine.getInstance().getGpuCount();
        if (name == null || name.isBlank()) return gpus > 0 ? Device.gpu() : Device.cpu();
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("cpu")) return Device.cpu();
        if (n.equals("gpu") || n.equals("cuda") || n.startsWith("gpu:") || n.startsWith("cuda:")) {
            int id = n.contains(":") ? Integer.parseInt(n.substring(n.indexOf(':') + 1)) : 0;
            if (gpus == 0) {
                throw new IllegalArgumentException("--device " + name + ": the PyTorch engine sees no GPU (engine " + Engine.getInstance().getVersion()
                        + "); run on a CUDA build of libtorch: PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR, see docs/QWEN.md");
            }
            if (id < 0 || id >= gpus) throw new IllegalArgumentException("--device " + name + ": there are " + gpus + " GPUs (0.." + (gpus - 1) + ")");
            return Device.gpu(id);
        }
        throw new IllegalArgumentException("--device must be cpu, gpu or gpu:N, got '" + name + "'");
    }
}
