package org.topoomni.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.Devices;
import picocli.CommandLine.Option;

/** The shared {@code --device} option of every command that runs a model. */
final class DeviceOption {
    @Option(names = "--device", description = "cpu, gpu or gpu:N (default: a GPU when the PyTorch engine sees one, else the CPU; "
            + "a GPU needs a CUDA build of libtorch, README 'Running on GPUs').")
    String device;

    /** The chosen device (parsed when first asked, so a bad value fails before any work). */
    Device device() {
        return Devices.parse(device);
    }

    /** A base manager on the chosen device: the model and every array of its forward passes live there. */
    NDManager manager() {
        return NDManager.newBaseManager(device());
    }
}
