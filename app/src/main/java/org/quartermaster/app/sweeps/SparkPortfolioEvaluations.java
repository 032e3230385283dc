package org.quartermaster.app.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.optimise.PortfolioEvaluations;

/**
 * Simulates an optimisation's portfolios on Spark ({@code qm optimise --spark MASTER}): each request of the
 * search is one {@code PortfolioJob OPTIONS.yaml --portfolios FILE --out FILE}, whose evaluations are read
 * back. Enumeration asks once for every feasible portfolio; branch and bound asks at each portfolio it
 * bounds with. The job's
 * output goes to {@code err}. Files are exchanged in a temporary folder of this machine, where the driver
 * writes (client deploy mode).
 */
public final class SparkPortfolioEvaluations implements PortfolioEvaluations {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final SparkSubmission.Target target;
  private final Path file;
  private final PrintWriter err;

  public SparkPortfolioEvaluations(SparkSubmission.Target target, Path file, PrintWriter err) {
    this.target = target;
    this.file = file;
    this.err = err;
  }

  @Override
  public List<double[]> evaluate(List<Long> portfolios) {
    Path work = null;
    try {
      work = Files.createTempDirectory("qm-spark-");
      Path portfoliosFile = Files.writeString(work.resolve("portfolios.json"), JSON.writeValueAsString(portfolios));
      Path out = work.resolve("evaluations.json");
      int code = SparkSubmission.run(target.portfolioCommand(List.of(file.toString(), "--portfolios",
          portfoliosFile.toString(), "--out", out.toString())), err, err);
      if (code != 0) {
        throw new SparkVariantEvaluator.JobFailedException(code);
      }
      JsonNode evaluations = JSON.readTree(Files.readString(out)).path("evaluations");
      List<double[]> values = new ArrayList<>();
      for (JsonNode row : evaluations) {
        double[] one = new double[row.size()];
        for (int i = 0; i < one.length; i++) {
          one[i] = row.get(i).asDouble();
        }
        values.add(one);
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the Spark job: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        SparkVariantEvaluator.delete(work, err);
      }
    }
  }
}
