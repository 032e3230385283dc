package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A YAML text as a tree of Jackson nodes, built straight from the streaming parser: the tree
 * {@code ObjectMapper.readTree} gives (YamlTreeTest compares them), without starting an ObjectMapper,
 * which costs a fifth of a second of class loading for one small mapping. Duplicate keys are errors.
 * Thread-safe.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /** The tree of the text's first document; a missing node when there is none. */
  static JsonNode read(String yaml) throws JacksonException {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      return parser.nextToken() == null ? MissingNode.getInstance() : node(parser);
    } catch (JacksonException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string: not expected
    }
  }

  /** The node starting at the parser's current token, which it leaves on the node's last token. */
  private static JsonNode node(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, node(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(node(parser));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> switch (parser.getNumberType()) {
        case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
        case FLOAT -> NODES.numberNode(parser.getFloatValue());
        default -> NODES.numberNode(parser.getDoubleValue());
      };
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes ? NODES.binaryNode(bytes)
          : NODES.pojoNode(parser.getEmbeddedObject());
      default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
    };
  }
}
