package org.topoomni.cli;

import org.topoomni.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** (Re)writes the HTML report of a demo run folder from whatever stages it holds. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN/report.html (self-contained: figures embedded, works offline) from a demo's run folder.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "The demo's output folder (the --out of `demo`).")
    Path run;
    @Option(names = "--baseline", description = "Another demo run folder to set beside this one, measure by measure (e.g. `demo --architecture tinyomni`: "
            + "pretrained vs from scratch).")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        Path out = HtmlReport.write(run, baseline, new Versions().getVersion());
        System.out.println("report: " + out.toAbsolutePath());
        return 0;
    }
}
