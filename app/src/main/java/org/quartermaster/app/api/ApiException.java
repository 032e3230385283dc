package org.quartermaster.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A request the server answers with an error: its HTTP status, a message, and the problems (possibly
 * none). {@link ApiServer} turns it into the one error shape, {@link Body}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient List<ApiProblem> problems;

  public ApiException(int status, String message, List<ApiProblem> problems) {
    super(Objects.requireNonNull(message, "message"));
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public ApiException(int status, String message) {
    this(status, message, List.of());
  }

  public int status() {
    return status;
  }

  public List<ApiProblem> problems() {
    return problems;
  }

  public Body body() {
    return new Body(status, getMessage(), problems);
  }

  /**
   * The error shape of every error response: {@code {"status", "message", "problems": [...]}}, and for an
   * internal error (500) {@code "error_id"}: the id under which the server logged it, also in the
   * {@code X-Request-Id} header of every response.
   */
  public record Body(int status, String message, List<ApiProblem> problems,
      @JsonProperty("error_id") @JsonInclude(JsonInclude.Include.NON_NULL) String errorId) {
    public Body(int status, String message, List<ApiProblem> problems) {
      this(status, message, problems, null);
    }
  }

  static ApiException badRequest(List<ApiProblem> problems) {
    return new ApiException(400, problems.size() == 1 ? problems.getFirst().message()
        : problems.size() + " problems with the request", problems);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
