package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches the API (a malformed request line, a URI or
 * headers too large, a request refused for lack of a turn, see {@link ApiSettings.Connections}), in the
 * API's error shape ({@link ApiException.Body}) and with its security headers, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper json;

  JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    String id = RequestIds.of(request);
    String errorId = null;
    if (status >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE_503) {
      errorId = id;
      InternalErrors.log(id, request.getMethod() + " " + request.getHttpURI().getPath(),
          request.getAttribute(ERROR_EXCEPTION) instanceof Throwable cause ? cause : null);
    }
    ApiException.Body body = new ApiException.Body(status, message(status), List.of(), errorId);
    response.setStatus(status);
    ApiServer.SECURITY_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(RequestIds.HEADER, id);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
    }
    response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
    return true;
  }

  /** The API's message for a status Jetty answers itself: fixed words, never anything from the request. */
  static String message(int status) {
    return switch (status) {
      case HttpStatus.BAD_REQUEST_400 -> "malformed request";
      case HttpStatus.REQUEST_TIMEOUT_408 -> "request too slow: its body arrived slower than the server accepts";
      case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "request body too large";
      case HttpStatus.URI_TOO_LONG_414 -> "request URI too long";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "request headers too large";
      case HttpStatus.SERVICE_UNAVAILABLE_503 -> "too many changes at once; try again in a few seconds";
      case HttpStatus.INTERNAL_SERVER_ERROR_500 -> InternalErrors.MESSAGE;
      default -> {
        String reason = HttpStatus.getMessage(status);
        yield reason == null ? "request failed" : reason.toLowerCase(Locale.ROOT);
      }
    };
  }
}
