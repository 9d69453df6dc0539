package dev.scrying.scenarios.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses YAML into a Jackson tree while remembering the line and column of every node, which a plain
 * {@code readTree} forgets. Rejects duplicate keys (YAML allows them silently, hiding typos). Stateless.
 */
final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlReader() {}

  static LocatedDocument read(String file, String text) throws ScenarioFormatException {
    Map<String, LocatedDocument.Position> positions = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      if (p.nextToken() == null) {
        throw new ScenarioFormatException(file, 1, 1, "the file is empty");
      }
      JsonNode root = node(file, p, "", positions);
      return new LocatedDocument(file, root, positions);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new ScenarioFormatException(file, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
          "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioFormatException(file, 1, 1, "cannot read: " + e.getMessage());
    }
  }

  private static JsonNode node(String file, JsonParser p, String pointer, Map<String, LocatedDocument.Position> positions)
      throws IOException, ScenarioFormatException {
    positions.putIfAbsent(pointer, position(p.currentTokenLocation()));
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> object(file, p, pointer, positions);
      case START_ARRAY -> array(file, p, pointer, positions);
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new ScenarioFormatException(file, p.currentTokenLocation().getLineNr(),
          p.currentTokenLocation().getColumnNr(), "unsupported YAML content (" + t + ")");
    };
  }

  private static ObjectNode object(String file, JsonParser p, String pointer,
      Map<String, LocatedDocument.Position> positions) throws IOException, ScenarioFormatException {
    ObjectNode o = NODES.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      if (o.has(name)) {
        throw new ScenarioFormatException(file, at.getLineNr(), at.getColumnNr(), "duplicate key '" + name + "'");
      }
      String child = LocatedDocument.child(pointer, name);
      positions.put(child, position(at));
      p.nextToken();
      o.set(name, node(file, p, child, positions));
    }
    return o;
  }

  private static ArrayNode array(String file, JsonParser p, String pointer,
      Map<String, LocatedDocument.Position> positions) throws IOException, ScenarioFormatException {
    ArrayNode a = NODES.arrayNode();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      a.add(node(file, p, LocatedDocument.child(pointer, i), positions));
    }
    return a;
  }

  private static LocatedDocument.Position position(JsonLocation loc) {
    return new LocatedDocument.Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }
}
